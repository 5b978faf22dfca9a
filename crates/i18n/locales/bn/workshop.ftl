# একটি কর্মশালার পাতা, সারভাইভারদের কর্মশালা, প্রশ্নমালা, বিনিময় সফর ও প্রশিক্ষণের শর্ত।
problem-training-required-title = আগে একটি কর্মশালা করা দরকার
forbidden-training-required = এটি করার আগে নেটওয়ার্ক চায় আপনি “{ $workshop }” কর্মশালাটি সম্পূর্ণ করুন। পরের বার এটি কবে হবে, আপনার প্রশিক্ষক জানাতে পারবেন।
error-not-a-number = একটি পূর্ণসংখ্যা লিখুন।
error-choose-someone = অন্তত একজনের পাশে টিক দিন।
error-unknown-trainer = এই ব্যবহারকারীর নামে কোনো সক্রিয় প্রশিক্ষক নেই।
error-not-survivor-workshop = এই কর্মশালাটি কর্মীদের জন্য; সারভাইভাররা তাদের নিজেদের আলাদা কর্মশালায় অংশ নেয়।
error-unknown-code = এই কোডে কোনো সারভাইভার নেই।
error-evaluation-done = তার এই প্রশ্নমালা আগেই লেখা হয়েছে।
error-not-counterparts = বিনিময় সফর হয় তার যাত্রাপথের দুই প্রান্তের মধ্যে: একদিকে উৎস-এলাকার বা সমাজভিত্তিক সংস্থা, অন্যদিকে গন্তব্যের বা ট্রানজিট সংস্থা।
error-phase-not-completed = সে এখনও পর্যায় ৩-এর সব কর্মশালা শেষ করেনি।
error-consent-needed = এটি লেখার আগে তাকে নিজে হ্যাঁ বলতে হবে।
audit-action-survivor-enrolled = সারভাইভারকে কর্মশালায় জায়গা দেওয়া হয়েছে
audit-action-survivor-attendance = সারভাইভারের উপস্থিতি লেখা হয়েছে
audit-action-feedback-recorded = সারভাইভারের মতামত লেখা হয়েছে
audit-action-peer-role-recorded = পিয়ার ভূমিকা লেখা হয়েছে
audit-action-exchange-visit-recorded = বিনিময় সফর লেখা হয়েছে
audit-action-evaluation-recorded = কর্মশালার প্রশ্নমালা লেখা হয়েছে
audit-action-gate-set = প্রশিক্ষণের শর্ত চালু হয়েছে
audit-action-gate-lifted = প্রশিক্ষণের শর্ত তুলে নেওয়া হয়েছে

training-dropout-rate = মাঝপথে ছেড়েছেন { $count ->
    [one] একজনের
   *[other] { $n } জনের
} { $dropped } জন ({ $rate }%); নেটওয়ার্কের অনুমান { $projected }%।
training-schedule = ক্যালেন্ডারে একটি কর্মশালা যোগ করুন
training-workshop = কর্মশালা
training-venue = স্থান
training-starts-on = প্রথম দিন
training-ends-on = শেষ দিন (ফাঁকা রাখলে: কর্মশালা যত দিনের, তত দিন)
training-announced-on = সংস্থাগুলিকে তারিখ জানানোর দিন (ফাঁকা রাখলে: আজ)
training-capacity = জায়গা (ফাঁকা রাখলে: ১৬)
training-facilitators-input = সঞ্চালক, প্রতি লাইনে একজন
training-mental-health-input = তাঁদের মধ্যে মানসিক স্বাস্থ্য বিশেষজ্ঞ, প্রতি লাইনে একজন
training-trainers-input = আর যে প্রশিক্ষকরা এটি চালাবেন (ব্যবহারকারীর নাম, কমা দিয়ে আলাদা করে)
training-schedule-submit = কর্মশালার দিন ঠিক করুন
training-suppressed = ৫-এর কম
training-risk-shelter-staff-residential = আবাসিক কর্মশালায় হোমের কর্মী
training-risk-short-notice = অল্প সময় আগে তারিখ জানানো হয়েছে
training-risk-childcare = শিশুর দেখাশোনার ব্যবস্থা দরকার
workshop-scheduled = কর্মশালাটি ক্যালেন্ডারে যোগ করা হয়েছে।
workshop-topics = কী কী বিষয় থাকছে
workshop-participants = অংশগ্রহণকারীরা
workshop-participants-empty = এখনও কারও নাম লেখানো হয়নি।
workshop-participant = অংশগ্রহণকারী
workshop-organisation = সংস্থা
workshop-attendance = উপস্থিতি
workshop-risks = মাঝপথে ছেড়ে দেওয়ার ঝুঁকি
workshop-brief = যোগদানের তথ্যপত্র
workshop-days-attended = { $total ->
    [one] এক দিনের
   *[other] { $total } দিনের
} মধ্যে { $n } দিন
workshop-completed = সম্পূর্ণ করেছেন
workshop-left = ছেড়ে গেছেন
workshop-record-day = এক দিনের উপস্থিতি লিখুন
workshop-day = দিন
workshop-present = সেদিন উপস্থিত
workshop-save-day = উপস্থিতি সংরক্ষণ করুন
workshop-attendance-saved = উপস্থিতি সংরক্ষিত হয়েছে।
workshop-record-dropout = কেউ ছেড়ে গেলে তা লিখুন
workshop-dropout-reason = সে কেন চলে গেল
workshop-dropout-note = কথায় লিখুন (অন্য কারণ হলে দরকার)
workshop-save-dropout = সংরক্ষণ করুন
workshop-dropout-saved = সংরক্ষিত হয়েছে: সে কর্মশালা ছেড়ে গেছে।
workshop-enrol = একজন কর্মীর নাম লেখান
workshop-username = তার ব্যবহারকারীর নাম
workshop-years = তার সংস্থায় কত বছর
workshop-childcare = যোগ দিতে তার শিশুর দেখাশোনার ব্যবস্থা দরকার
workshop-beyond-capacity = ইচ্ছা করেই কর্মশালার সীমার বাইরে
workshop-enrol-submit = নাম লেখান
workshop-enrolled = নাম লেখানো হয়েছে।
dropout-reason-shelter-emergency = হোমে জরুরি অবস্থা
dropout-reason-childcare = শিশুর দেখাশোনা
dropout-reason-resigned = সে চাকরি ছেড়েছে
dropout-reason-other = অন্য কারণ

evaluation-heading = আগের ও পরের প্রশ্নমালা
evaluation-help = প্রত্যেক অংশগ্রহণকারী প্রথম ও শেষ দিনে একই প্রশ্নের উত্তর দেন। দুইয়ের তফাত দেখায় মনোভাব বদলেছে কি না।
evaluation-stage = আগে না পরে
evaluation-stage-pre = আগে
evaluation-stage-post = পরে
evaluation-save = তার উত্তর সংরক্ষণ করুন
evaluation-saved = তার উত্তর সংরক্ষিত হয়েছে।
evaluation-results = মনোভাবের পরিবর্তন
evaluation-answered = আগে উত্তর দিয়েছেন { $pre } জন, পরে { $post } জন। ৫টির কম উত্তরের গড় দেখানো হয় না।
evaluation-item = বক্তব্য
evaluation-change = পরিবর্তন

survivors-heading = এই কর্মশালার সারভাইভাররা
survivors-help = শুধু এই কর্মশালার প্রশিক্ষকরাই এটি দেখতে পান। বাকিরা শুধু কোড আর মোট সংখ্যা দেখেন।
survivors-code = কোড
survivors-known-as = আপনার কাছে তার নাম
survivors-add = একজন সারভাইভার যোগ করুন
survivors-code-known = তার কোড, যদি আগের কোনো কর্মশালা থেকে থাকে
survivors-known-as-new = অথবা, নতুন হলে: আপনি তাকে যে নামে ডাকেন
survivor-added = সে কর্মশালায় জায়গা পেয়েছে।
feedback-heading = সারভাইভাররা যা বলেছে
feedback-help = যা বলা হয়েছে তা কোনো নাম ছাড়া লিখুন। পরিচালক ও ব্যবস্থাপকেরা শুধু বিষয় আর সংখ্যা দেখেন।
feedback-empty = এখনও কিছু লেখা হয়নি।
feedback-theme = বিষয়
feedback-tone = ধরন
feedback-words = তার কথা
feedback-language = সে যে ভাষায় বলেছে
feedback-save = সংরক্ষণ করুন
feedback-saved = নাম ছাড়াই সংরক্ষিত হয়েছে।
feedback-total = সব মতামত মিলিয়ে
feedback-theme-being-heard = তার কথা শোনা
feedback-theme-safety = নিরাপত্তা
feedback-theme-own-pace = নিজের গতিতে এগোনো
feedback-theme-family = পরিবার
feedback-theme-livelihood = কাজ ও আয়
feedback-theme-dignity = মর্যাদা ও সম্মান
feedback-theme-staff-attitude = কর্মীরা তার সঙ্গে কেমন ব্যবহার করেন
feedback-theme-peer-support = অন্য সারভাইভারদের সহায়তা
feedback-theme-other = অন্য কিছু
feedback-tone-appreciation = প্রশংসা
feedback-tone-concern = উদ্বেগ
feedback-tone-suggestion = পরামর্শ
feedback-summary-heading = সারভাইভারদের মতামত, নাম ছাড়া
feedback-summary-help = শুধু বিষয় আর সংখ্যা, কে কী বলেছে তা কখনও নয়। ৫-এর কম সংখ্যা দেখানো হয় না।
peer-heading = পিয়ার ভূমিকা
peer-help = যে সারভাইভার পর্যায় ৩-এর সব কর্মশালা শেষ করেছে, সে চাইলে পিয়ার সহায়িকা, পিয়ার শিক্ষিকা বা পিয়ার নেত্রী হতে পারে।
peer-role = ভূমিকা
peer-role-supporter = পিয়ার সহায়িকা
peer-role-educator = পিয়ার শিক্ষিকা
peer-role-leader = পিয়ার নেত্রী
peer-consent-language = তাকে কোন ভাষায় বোঝানো হয়েছে
peer-consent = সে নিজে হ্যাঁ বলেছে
peer-save = তার ভূমিকা লিখে রাখুন
peer-saved = তার পিয়ার ভূমিকা লেখা হয়েছে।

brief-title = যোগদানের তথ্যপত্র: { $workshop }
brief-greeting = প্রিয় { $name },
brief-invited = { $programme } কর্মসূচির “{ $workshop }” কর্মশালায় আপনার নাম লেখানো হয়েছে।
brief-dates = তারিখ: { $from } থেকে { $to } ({ $count ->
    [one] এক দিন
   *[other] { $n } দিন
})।
brief-venue = স্থান: { $venue }।
brief-residential = কর্মশালাটি আবাসিক: { $count ->
    [one] সেই দিনটি
   *[other] পুরো { $n } দিন
} আপনি সেখানেই থাকবেন। যে কদিন থাকবেন, তার জন্য জামাকাপড় আর দরকারি জিনিসপত্র সঙ্গে আনুন।
brief-not-residential = প্রতিদিন সন্ধ্যায় আপনি বাড়ি ফিরবেন; দয়া করে প্রতিদিন সকালে সময়মতো পৌঁছবেন।
brief-bring = আপনার পরিচয়পত্র, একটি খাতা, আর যে ওষুধ খান সেগুলো সঙ্গে আনুন।
brief-completion = কর্মশালা সম্পূর্ণ করতে হলে প্রতি পাঁচ দিনের মধ্যে অন্তত চার দিন উপস্থিত থাকতে হবে।
brief-risk-shelter-staff-residential = আপনার হোমে কোনো জরুরি অবস্থার জন্য ফিরে যেতে হলে সঙ্গে সঙ্গে প্রশিক্ষককে জানান, যাতে আপনার জায়গাটি রাখা যায়।
brief-risk-short-notice = এই তারিখগুলো অল্প সময় আগে জানানো হয়েছে। আপনি আসতে না পারলে এখনই আপনার কোঅর্ডিনেটরকে জানান, যাতে অন্য কোনো সহকর্মী জায়গাটি নিতে পারেন।
brief-risk-childcare = আপনি জানিয়েছেন যে আপনার শিশুর দেখাশোনার ব্যবস্থা দরকার। কর্মশালার আগে আপনার কোঅর্ডিনেটরের সঙ্গে কথা বলুন, যাতে ব্যবস্থা করা যায়।
brief-facilitators = সঞ্চালক: { $names }।
brief-topics = আমরা যা নিয়ে কাজ করব

exchange-title = বিনিময় সফর
exchange-matrix = অন্য প্রান্তের সংস্থায় সফর
exchange-goal = প্রতিটি সংস্থার উচিত মেয়েদের যাত্রাপথের অন্য প্রান্তের অন্তত একটি সংস্থায় সফরে যাওয়া, সম্ভব হলে তিনটিতে। যাদের একটিও হয়নি, তাদের চিহ্নিত করা আছে।
exchange-no-organisations = এখনও কোনো সংস্থা নেই।
exchange-kind = ধরন
exchange-visited = যেখানে সফরে গেছে
exchange-hosted = যারা সফরে এসেছে
exchange-progress = অগ্রগতি
exchange-progress-none = এখনও একটিও নয়
exchange-progress-started = শুরু হয়েছে
exchange-progress-ideal = তিন বা তার বেশি
exchange-visits = সফর
exchange-none = এখনও কোনো সফর লেখা হয়নি।
exchange-visit-line = { $visitor } { $host }-এ সফরে গেছে
exchange-record = একটি সফর লিখুন
exchange-visitor = যে সংস্থার কর্মীরা গিয়েছিলেন
exchange-host = যে সংস্থায় তাঁরা গিয়েছিলেন
exchange-date = সফরের তারিখ
exchange-who-went = কারা গিয়েছিলেন
exchange-learned = তাঁরা কী শিখলেন
exchange-save = সফরটি সংরক্ষণ করুন
exchange-saved = সফরটি লেখা হয়েছে।

gates-heading = প্রশিক্ষণের শর্ত
gates-none = প্রশিক্ষণের কোনো শর্ত চালু নেই: প্রতিটি ভূমিকার কর্মীরা আগে কর্মশালা না করেও নিজেদের কাজ করতে পারেন।
gates-role = ভূমিকা
gates-action = কাজ
gates-workshop = যে কর্মশালা আগে শেষ করতে হবে
gates-set = শর্ত চালু করুন
gates-lift = তুলে নিন
gate-set = প্রশিক্ষণের শর্ত চালু হয়েছে।
gate-lifted = প্রশিক্ষণের শর্ত তুলে নেওয়া হয়েছে।
gate-line = { $role }: { $action } — শুধু “{ $workshop }” কর্মশালার পরে
gate-action-record-voice = তার কথা লেখা (সে যা খুলে বলেছে)
gate-action-write-case-note = কেস নোট লেখা
gate-action-write-psychosocial-note = মনো-সামাজিক নোট লেখা
gate-action-open-identity = তার পরিচয় অংশ খোলা
gate-action-start-handover = হস্তান্তর শুরু করা
gate-action-log-decision = সিদ্ধান্ত লেখা
error-needs-trainer = সারভাইভারদের কর্মশালা চালানোর জন্য একজন প্রশিক্ষক লাগবে: ব্যবহারকারীর নাম দিয়ে যোগ করুন।
audit-action-survivor-dropped-out = একজন সারভাইভার কর্মশালা ছেড়ে গেছেন
gate-you-need = { $action } — এর আগে নেটওয়ার্ক চায় আপনি “{ $workshop }” কর্মশালাটি সম্পূর্ণ করুন।
evaluation-org-too-few = এই সংস্থার খুব কম কর্মী উত্তর দিয়েছেন; গড় দেখালে কে কী বলেছেন বোঝা যেতে পারে, তাই দেখানো হচ্ছে না।
