# পুনরুদ্ধারমূলক যত্নের সূচক (ইস্যু ১৩)।

error-unknown-time-zone = সময় অঞ্চলের নাম বেছে নিন, যেমন Asia/Kolkata বা Asia/Dhaka।
error-invalid-period = একটি ত্রৈমাসিক (যেমন 2026-Q3) বা একটি বছর (যেমন 2026) বেছে নিন।
audit-action-stay-terms-recorded = তার থাকার শর্ত লেখা হয়েছে
stay-length-set-by = তার থাকার মেয়াদ কে ঠিক করেছে
stay-heading = তার থাকার শর্ত
stay-none = এখনও লেখা হয়নি: তাকে জিজ্ঞেস করুন, কতদিন থাকবে তা কে ঠিক করেছে, আর সে কবে যেতে চায়।
stay-no-date = তার কোনো তারিখ নেই
stay-hint = তার মনে কোনো তারিখ না থাকলে ফাঁকা রাখুন।
stay-save = তার সঙ্গে বসে শর্ত লিখুন
stay-saved = তার থাকার শর্ত লেখা হয়েছে।
stay-wants-to-leave-on = সে যে তারিখে চলে যেতে চায়

## The indicators page (/indicators)
nav-indicators = সূচক
indicators-title = যত্ন কি তার শক্তি ফেরাচ্ছে?
indicators-intro = আগে তার কথা, তার পরিকল্পনা আর তার সিদ্ধান্ত; পরে মাঠের চেনা গণনা। প্রতিটি সংখ্যার পাশে n লেখা আছে: কতগুলো কেস, মানুষ বা ঘটনা নিয়ে সংখ্যাটি।
indicators-period = সময়কাল
indicators-organisation = সংস্থা
indicators-show = দেখান
indicators-small-numbers = পাঁচের কম কিছু নিয়ে হলে সংখ্যাটি লুকানো থাকে, আর যে সংখ্যা থেকে লুকানো সংখ্যা বের করা যায়, সেটিও লুকানো থাকে।
indicators-computed-at = এই পরিসংখ্যানগুলো হিসাব করার সময়: { $at }।
indicators-refreshing = নতুন পরিসংখ্যান এখন হিসাব করা হচ্ছে; দেখতে এক মিনিট পরে পাতাটি আবার খুলুন।
indicators-quarter = { $quarter ->
    [1] জানুয়ারি–মার্চ
    [2] এপ্রিল–জুন
    [3] জুলাই–সেপ্টেম্বর
   *[4] অক্টোবর–ডিসেম্বর
} { $year }
indicators-quarter-short = { $quarter ->
    [1] জানু–মার্চ
    [2] এপ্রি–জুন
    [3] জুলা–সেপ্টে
   *[4] অক্টো–ডিসে
}
indicators-network-total = পুরো নেটওয়ার্ক
indicators-with-n = { $figure } (মোট { $n })
indicators-hidden = লুকানো: নিরাপদে দেখানোর মতো যথেষ্ট নয়
indicators-no-data = এই সময়ের কোনো তথ্য নেই
indicators-spread = মধ্যমা { $median }, ৯০তম পার্সেন্টাইল { $p90 }
indicators-spread-days = মধ্যমা { $median } দিন, ৯০তম পার্সেন্টাইল { $p90 } দিন
indicators-target = লক্ষ্য { $target }
indicators-bar-desc = { $name }: { $figure }। { $target }
indicators-trend = গত চার ত্রৈমাসিকে
indicators-trend-desc = { $name }, প্রতি ত্রৈমাসিকে; যে ত্রৈমাসিকের সংখ্যা লুকানো, সেখানে কোনো বিন্দু নেই।
indicators-why-and-table = কেন জরুরি, আর সংখ্যাগুলো
indicators-quarter-heading = ত্রৈমাসিক
indicators-figure-heading = সংখ্যা
indicators-by-organisation = প্রতিটি সংস্থা
indicators-counts = মাঠের চেনা গণনা
indicators-counts-note = এগুলো শুধু গণনা, যত্নের মাপ নয়: কতজন, তা বলে; তার কথা শোনা হয়েছে কি না, তা বলে না।
indicators-funnel = শনাক্ত হওয়া থেকে ঘরে ফেরা পর্যন্ত
indicators-count-heading = গণনা
indicators-training = প্রশিক্ষণ কর্মসূচি
indicators-training-dropout = কর্মশালা শেষ হওয়ার আগে ছেড়ে গেছেন
indicators-training-dropout-figure = { $n } জনের মধ্যে { $percent }%
indicators-training-projected = নেটওয়ার্কের অনুমান { $projected }
indicators-training-dropout-desc = মাঝপথে ছেড়েছেন { $figure }, নেটওয়ার্কের অনুমান { $projected }; দণ্ডটি ০ থেকে ১০% পর্যন্ত।
indicators-training-exchange = যে সংস্থাগুলো অন্য পারের সংস্থা ঘুরে দেখেছে
indicators-training-exchange-desc = অন্য পারের সংস্থা ঘুরে দেখেছে: { $figure }
indicators-empty = আপনার দেখার মতো কোনো সূচক নেই।
indicator-r1a-voice-lately = খোলা কেস, যেখানে গত ৯০ দিনে তার নিজের কথা লেখা হয়েছে
indicator-r1a-voice-lately-why = যে মেয়ের কথা তিন মাস কেউ লেখেনি, তার পরিকল্পনা তার জন্য বানানো, তার সঙ্গে নয়।
indicator-r1b-read-back = তার কথা তাকে পড়ে শোনানো হয়েছে
indicator-r1b-read-back-why = যে কথা তাকে পড়ে শোনানো হয়েছে, সে কথা সে নিজের বলে মেনে নিয়েছে।
indicator-r2a-goals-she-set = যে লক্ষ্য সে নিজে ঠিক করেছে
indicator-r2a-goals-she-set-why = যে লক্ষ্য সে নিজে বেছেছে, তার জন্যই সে খাটে।
indicator-r2b-targets-she-set = যে সময়সীমা সে নিজে ঠিক করেছে
indicator-r2b-targets-she-set-why = কবে সে তৈরি, তা ঠিক করবে তার নিজের গতি, হোমের নয়।
indicator-r2c-reviews-agreed = পরিকল্পনার পর্যালোচনা, যাতে সে একমত
indicator-r2c-reviews-agreed-why = যে পর্যালোচনায় সে একমত নয়, তা তার সম্পর্কে অন্যদের নেওয়া সিদ্ধান্ত।
indicator-r2d-approved-without-her = তার সম্মতি ছাড়া অনুমোদিত পরিকল্পনা (লক্ষ্য: একটিও নয়)
indicator-r2d-approved-without-her-why = তার লেখা সম্মতি ছাড়া কোনো পরিকল্পনা অনুমোদন হওয়া উচিত নয়।
indicator-r3-decisions-with-her = যে সিদ্ধান্তে সে অংশ নিয়েছে
indicator-r3-decisions-with-her-why = নিজের জীবনের সিদ্ধান্তে অংশ নিয়েই সে আবার নিজের জীবনের হাল ধরে।
indicator-r4a-days-in-shelter = হোমে কত দিন, যে থাকাগুলো শেষ হয়েছে
indicator-r4a-days-in-shelter-why = আটকে রাখার লম্বা থাকা ছোট করাই পুনরুদ্ধারমূলক যত্নের প্রথম কাজ।
indicator-r4b-days-set-by-order = হোমে কত দিন, যখন আদালত বা পুলিশের আদেশ থাকার মেয়াদ ঠিক করেছে
indicator-r4b-days-set-by-order-why = থাকা লম্বা কি না তা চাপিয়ে দেওয়ার জন্য, এটা তা দেখায়।
indicator-r4b-days-set-by-team = হোমে কত দিন, যখন দল থাকার মেয়াদ ঠিক করেছে
indicator-r4b-days-set-by-team-why = দল যে থাকা ঠিক করে, হোম নিজেই তা ছোট করতে পারে।
indicator-r4b-days-set-by-her = হোমে কত দিন, যখন সে নিজে মেয়াদ বেছেছে
indicator-r4b-days-set-by-her-why = যে থাকা সে নিজে বেছেছে, তা যত লম্বাই হোক, তার নিজের।
indicator-r4c-past-her-date = যে থাকা তার চাওয়া তারিখ পেরিয়ে গেছে (লক্ষ্য: একটিও নয়)
indicator-r4c-past-her-date-why = তার তারিখের পরের প্রতিটি দিন তার ইচ্ছের বিরুদ্ধে আটকে রাখা।
indicator-r5-positive-responses = যে ঘটনায় শাস্তি নয়, সহায়তা দেওয়া হয়েছে
indicator-r5-positive-responses-why = ঘটনার পর শাস্তি মানে আটকে রাখার যত্ন; সহায়তা তার শক্তি ফেরায়।
indicator-r6a-voice-travelled = যে হস্তান্তরে তার কথা আর পরিকল্পনা সঙ্গে গেছে
indicator-r6a-voice-travelled-why = তার কথা তার সঙ্গে যাওয়া চাই, যাতে পরের দল তাকে বাদ দিয়ে আবার শুরু না করে।
indicator-r6b-completeness = হস্তান্তরের সম্পূর্ণতা (১০০-র মধ্যে)
indicator-r6b-completeness-why = সম্পূর্ণ হস্তান্তর মানে তাকে আবার নিজের কাহিনি বলতে হবে না।
indicator-r6c-days-to-acknowledge = হস্তান্তরের প্রাপ্তি স্বীকারে কত দিন লেগেছে
indicator-r6c-days-to-acknowledge-why = যে হস্তান্তরের প্রাপ্তি কেউ স্বীকার করেনি, সেখানে যত্ন ভেঙে গেছে।
indicator-count-identified = শনাক্ত মেয়ে
indicator-count-identified-why = গণনা: কতগুলো কেস খোলা হয়েছে।
indicator-count-in-care = সময়ের শেষে যত্নে থাকা মেয়ে
indicator-count-in-care-why = গণনা: কতজন যত্নে ছিল।
indicator-count-returned = ঘরে ফেরা মেয়ে
indicator-count-returned-why = গণনা: কতজন ফিরেছে।
indicator-count-reunified = পরিবারের কাছে ফিরে যাওয়া মেয়ে
indicator-count-reunified-why = একটি গণনা: বাড়ি ও পরিবার মূল্যায়নের সুপারিশ মেনে কতজন পরিবারের সঙ্গে থাকতে ফিরে গেছে।

## Home: the director's and the network's first view, the trainer's coming workshops
home-indicators-heading = যত্ন কি তার শক্তি ফেরাচ্ছে? এই ত্রৈমাসিকে
home-indicators-all = সব সূচক দেখুন
home-plans-awaiting = যে পরিকল্পনাগুলো আপনার অনুমোদনের অপেক্ষায়
home-cases-by-stage = আপনার সংস্থার কেস, ধাপ অনুযায়ী (গণনা)

## The cases behind a figure: the director's own organisation's, to act on
indicator-cases-title = সংখ্যার পেছনের কেসগুলো
indicator-cases-open = এই সংখ্যার পেছনের কেসগুলো খুলুন
indicator-cases-heading = { $period } সময়কালে: { $figure }
indicator-cases-r1a-voice-lately = সময়কালের শেষে আপনার সংস্থার খোলা কেস, যেখানে তার আগের ৯০ দিনে তার নিজের কোনো কথা লেখা হয়নি। তার পাশে বসুন, সে যা বলে তা লিখে রাখুন।
indicator-cases-last-words = তার কথা শেষ লেখা হয়েছে
indicator-cases-never = আপনার সংস্থা কখনো লেখেনি
indicator-cases-none = এই সংখ্যার পেছনে কোনো কেস নেই: প্রতিটি খোলা কেসে তার কথা আছে।
indicator-cases-elsewhere = { $count ->
    [one] আরও { $count }টি কেস গোনা হয়েছে, যা এখন অন্য সংস্থার কাছে আছে; সেগুলো এখানে দেখানো হয়নি।
   *[other] আরও { $count }টি কেস গোনা হয়েছে, যা এখন অন্য সংস্থার কাছে আছে; সেগুলো এখানে দেখানো হয়নি।
}
indicator-cases-back = সূচকে ফিরে যান

## The indicator report out of Saathi
indicators-export-suppressed = লুকানো (নিরাপদে দেখানোর মতো যথেষ্ট নয়)
indicators-download = প্রতিবেদনটি সঙ্গে নিন:
indicators-download-xlsx = ওয়ার্কবুক (XLSX)
indicators-download-pdf = পিডিএফ
indicators-htcds = নেটওয়ার্কের বাইরে পাঠানোর জন্য, HTCDS মান অনুযায়ী পরিচয় মুছে ফেলা তথ্য (শুধু যে মেয়েরা পরিসংখ্যানে সম্মতি দিয়েছে তাদের কেস):

## R5 by month
indicators-by-month = মাস অনুযায়ী
indicators-month-heading = মাস

## R6 Continuity after her return (R6d, R6e)
indicator-r6d-follow-ups-1-month = ১ মাসের খোঁজখবর সময়মতো হয়েছে
indicator-r6d-follow-ups-1-month-why = বাড়ি ফেরায় যত্ন শেষ হয় না: কথা দেওয়া সময়ে খোঁজ নিলে তার ভরসা থাকে।
indicator-r6d-follow-ups-3-months = ৩ মাসের খোঁজখবর সময়মতো হয়েছে
indicator-r6d-follow-ups-3-months-why = তিন মাসে বাড়িতে প্রথম কঠিন সপ্তাহগুলো পেরিয়েছে, তবু কারও জিজ্ঞেস করা উচিত সে কেমন আছে।
indicator-r6d-follow-ups-6-months = ৬ মাসের খোঁজখবর সময়মতো হয়েছে
indicator-r6d-follow-ups-6-months-why = ছয় মাসে স্কুল, কাজ আর পরিবার দেখায় তার ফেরা টিকছে কি না, আর খোঁজ নিতে গেলে সে নিজে তা বলতে পারে।
indicator-r6d-follow-ups-12-months = ১২ মাসের খোঁজখবর সময়মতো হয়েছে
indicator-r6d-follow-ups-12-months-why = এক বছরে তাকে জিজ্ঞেস করা হয় সে আর যোগাযোগ চায় কি না: যত্ন কবে শেষ হবে, তা সে-ই ঠিক করে।
indicator-r6e-news-for-sender = যে হস্তান্তরের পাঠানো সংস্থা তার খবর পেয়েছে
indicator-r6e-news-for-sender-why = সে রাজি থাকলে, যে সংস্থা তার খবর পায় সে শেখে তার জন্য কী কাজ করেছে।

## R7 Repatriation
indicator-r7-repatriation = প্রত্যাবাসনের প্রতিটি ধাপে কত দিন লেগেছে, পথ { $route }
indicator-r7-repatriation-why = কাগজের জন্য মাসের পর মাস অপেক্ষা মানে তাকে আটকে রাখা; কোন ধাপে কাজ আটকে যায় তা দেখলে নেটওয়ার্ক বদলের জন্য চাপ দিতে পারে।
indicators-r7-desc = প্রতিটি ধাপের মধ্যমা দিন একটি দণ্ডে, আর পথ অনুযায়ী প্রত্যাশিত দিন দাগ দিয়ে দেখানো। { $steps }
indicators-r7-step-heading = ধাপ
indicators-r7-days-heading = কত দিন লেগেছে
indicators-r7-delayed-heading = প্রত্যাশার চেয়ে বেশি সময় লেগেছে
indicators-r7-expected = { $count ->
    [one] প্রত্যাশিত: { $n } দিন
   *[other] প্রত্যাশিত: { $n } দিন
}
indicators-r7-why-heading = কেন এটা জরুরি
indicators-r7-trend-desc = { $route }: প্রতিটি ধাপের মধ্যমা দিন, প্রতি ত্রৈমাসিকে; যে ত্রৈমাসিকের সংখ্যা লুকানো, সেখানে কোনো বিন্দু নেই।
indicator-r8-trend-title = তার নিজের চোখে আর কর্মীর চোখে, প্রতি ত্রৈমাসিকে
indicator-r8-trend-desc = সর্বশেষ মূল্যায়নের গড়, তার আর কর্মীর, যে ক্ষেত্রগুলো প্রতি ত্রৈমাসিকে দেখানো হয়েছে সেগুলোর ওপর, ১ থেকে ৪-এর মাপে প্রতি ত্রৈমাসিকে; যে ত্রৈমাসিকের সংখ্যা লুকানো, সেখানে কোনো বিন্দু নেই।
indicator-cases-r2d-approved-without-her = সময়কালে আপনার সংস্থার যেসব কেসের পরিকল্পনা অনুমোদিত হয়েছে, অথচ কোনো পর্যালোচনায় তার সম্মতি লেখা নেই। তার পাশে বসুন, তার সঙ্গে পরিকল্পনাটি আবার দেখুন, আর সে যা বলে তা লিখে রাখুন।
indicator-cases-r4c-past-her-date = সময়কালে আপনার সংস্থার যেসব কেসে তার থাকা শেষ হয়েছে সে যে দিন যেতে চেয়েছিল তার পরে। তাকে জিজ্ঞেস করুন কী তাকে আটকে রেখেছিল, আর কী হলে সে চাওয়া দিনে যেতে পারত।
indicator-cases-approved-on = পরিকল্পনা অনুমোদনের দিন
indicator-cases-left-on = হোম ছাড়ার দিন
indicator-cases-left-after = { $left } (সে যেতে চেয়েছিল { $wanted })
indicator-cases-none-r2d = এই সংখ্যার পেছনে কোনো কেস নেই: সময়কালে অনুমোদিত প্রতিটি পরিকল্পনায় তার সম্মতি আছে।
indicator-cases-none-r4c = এই সংখ্যার পেছনে কোনো কেস নেই: কারও থাকা তার চাওয়া দিনের পরে শেষ হয়নি।
indicator-r6d-follow-ups-late = যে ফলো-আপ সময়মতো হয়নি
indicator-cases-r6d-follow-ups-late = তার ফেরার পরের (১, ৩, ৬ বা ১২ মাসে) আপনার সংস্থার যেসব ফলো-আপ এই সময়কালে করার কথা ছিল, অথচ নির্ধারিত দিনের ১৪ দিনের মধ্যে হয়নি। তার কাছে যান, জিজ্ঞেস করুন সে কেমন আছে।
indicator-cases-follow-up = ফলো-আপ
indicator-cases-follow-up-late = { $count ->
    [one] { $n } মাসের ফলো-আপ, নির্ধারিত দিন { $due }: { $done }
   *[other] { $n } মাসের ফলো-আপ, নির্ধারিত দিন { $due }: { $done }
}
indicator-cases-follow-up-done = হয়েছে { $done }
indicator-cases-follow-up-undone = হয়নি
indicator-cases-none-r6d = এই সংখ্যার পেছনে কোনো কেস নেই: সময়কালে যেসব ফলো-আপের ফল জানা, সবগুলো সময়মতো হয়েছে।
indicator-r8-ratings-apart = তার মূল্যায়ন আর কর্মীর মূল্যায়নে দুই বা তার বেশি পার্থক্য
indicator-cases-r8-ratings-apart = আপনার সংস্থার যেসব কেসে এই সময়কালে আর তার আগেও তার মতামত নেওয়া হয়েছে, আর সর্বশেষ বার কোনো ক্ষেত্রে তার মূল্যায়ন আর কর্মীর মূল্যায়নে দুই বা তার বেশি পার্থক্য। তার সঙ্গে কথা বলুন: যেখানে দুটো আলাদা, সেখানে পরিকল্পনাটা হয়তো তার জীবনের ছবি নয়, কর্মীর চোখে দেখা ছবি।
indicator-cases-ratings-apart-heading = সর্বশেষ মূল্যায়ন
indicator-cases-ratings-apart = { $area }: সে বলেছে { $her }, কর্মী { $worker }
indicator-cases-none-r8 = এই সংখ্যার পেছনে কোনো কেস নেই: সর্বশেষ বার তার মূল্যায়ন আর কর্মীর মূল্যায়নে কোথাও দুই পার্থক্য হয়নি।
indicator-r8-trend-mean = প্রতি ত্রৈমাসিকে দেখানো ক্ষেত্রগুলোর গড়
