# প্রশিক্ষণ কর্মসূচি।
nav-training = প্রশিক্ষণ
training-title = প্রশিক্ষণ কর্মসূচি
training-phase = পর্যায় { $title }
training-days = { $count ->
    [one] এক দিন
   *[other] { $n } দিন
}
training-residential = আবাসিক
training-not-residential = অনাবাসিক
training-group-size = { $count ->
    [one] প্রায় একজন অংশগ্রহণকারী
   *[other] প্রায় { $n } জন অংশগ্রহণকারী
}
training-audience-source = উৎস এলাকার সংস্থা
training-audience-destination = গন্তব্যের সংস্থা
training-audience-source-and-destination = উৎস ও গন্তব্যের সংস্থা একসঙ্গে
training-audience-directors-and-managers = পরিচালক ও ব্যবস্থাপক
training-audience-survivors = সারভাইভাররা
training-mental-health = মানসিক স্বাস্থ্য বিশেষজ্ঞ
training-facilitators = পরিচালনায় { $names }
error-unknown-workshop = কর্মসূচিতে এমন কোনো কর্মশালা নেই।
error-ends-before-start = শেষের তারিখ শুরুর আগে পড়েছে।
error-announced-after-start = কর্মশালা শুরুর পরে তারিখ ঘোষণা করা যায় না।
audit-action-workshop-scheduled = কর্মশালার সময়সূচি ঠিক হয়েছে
training-calendar = ক্যালেন্ডারে যোগ করুন (.ics)
error-unknown-participant = এই ব্যবহারকারীর নামে কোনো কর্মী নেই।
error-survivor-workshop = সারভাইভারদের কর্মশালায় অংশগ্রহণকারীদের আলাদা করে, ছদ্মনামের কোডে লেখা হয়।
error-workshop-full = কর্মশালায় জায়গা ভরে গেছে। ইচ্ছা করেই হলে তবেই সীমার বাইরে নাম লেখান।
error-already-enrolled = তার নাম আগেই লেখানো আছে।
error-day-outside-workshop = ওই দিনটি কর্মশালার দিন নয়।
error-dropout-reason = সে কেন চলে গেল লিখুন: হোমে জরুরি অবস্থা, শিশুর দেখাশোনা, চাকরি ছেড়েছে, বা অন্য কারণ কথায়।
audit-action-enrolled = কর্মশালায় নাম লেখানো হয়েছে
audit-action-attendance-recorded = উপস্থিতি লেখা হয়েছে
audit-action-dropped-out = কর্মশালা ছেড়ে গেছে
