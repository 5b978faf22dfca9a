# তার নিজের চোখে তার জীবন (R8, ইস্যু 13)।

life-rating-very-hard = খুব কঠিন
life-rating-hard = কঠিন
life-rating-good = ভালো
life-rating-very-good = খুব ভালো
life-rating-not-said = সে বলতে চায়নি
life-occasion-entering-care = যখন সে আশ্রয়ে এল
life-occasion-plan-review = তার পরিকল্পনার পর্যালোচনায়
life-occasion-follow-up = ফলো-আপ দেখা করার সময়
error-unknown-life-rating = এগুলোর একটি বেছে নিন: খুব কঠিন, কঠিন, ভালো, খুব ভালো।
error-unknown-life-occasion = কখন জিজ্ঞেস করা হলো বলুন: আশ্রয়ে আসার সময়, পরিকল্পনার পর্যালোচনায়, নাকি ফলো-আপে।
error-life-view-areas = তার জীবনের ছয়টি দিকের প্রতিটির জন্য একটি উত্তর দিন।
error-life-view-reference = এই কেসের একটি পর্যালোচনা বা ফলো-আপ বেছে নিন, অথবা কোনোটিই নয়।
audit-action-life-view-recorded = তার জীবন নিয়ে তার মত লেখা হয়েছে

life-view-title = তার জীবন কেমন চলছে · { $code }
life-view-link = তার জীবন কেমন চলছে, তার কথায় আর কর্মীর চোখে
life-view-intro = তার জীবনের প্রতিটি দিক নিয়ে তাকে তার নিজের ভাষায় জিজ্ঞেস করুন: এখন কেমন চলছে? চারটি উত্তর তাকে পড়ে শোনান। সে উত্তর না দিতেও পারে। তারপর তার উত্তরের পাশে আপনার নিজের মত দিন।
life-view-heading-new = এখন তাকে জিজ্ঞেস করুন
life-view-occasion = কখন জিজ্ঞেস করা হচ্ছে?
life-view-reference = কোন পর্যালোচনা বা ফলো-আপ
life-view-reference-none = এগুলোর কোনোটিই নয়
life-view-recorded-on = যেদিন তার সঙ্গে বসে কথা বললেন
life-view-her = সে যা বলে
life-view-worker = তার কর্মী হিসেবে আপনি যা দেখেন
life-view-save = তার মত আর আপনার মত লিখুন
life-view-saved = তার জীবন নিয়ে তার মত লেখা হয়েছে, পাশে আপনার মতও।
life-view-history = সময়ের সঙ্গে
life-view-none = এখনও কেউ তাকে জিজ্ঞেস করেনি।
life-view-gap = সে আর কর্মী এটা আলাদাভাবে দেখছে (দুই ধাপ বা তার বেশি তফাত): তার সঙ্গে কথা বলুন।
life-view-area = তার জীবনের দিক
life-view-first = প্রথমবার
life-view-latest = সর্বশেষ
life-view-her-short = সে
life-view-worker-short = কর্মী
life-view-review-on = { $day }-এর পর্যালোচনা
life-view-followup-due = ফলো-আপ, { $day } তারিখে হওয়ার কথা
life-view-asked = { $day } তারিখে, { $occasion }

## নির্দেশক পাতায় R8
indicator-r8-her-view = তার নিজের চোখে তার জীবন
indicator-r8-her-view-intro = যে কেসগুলোতে এই সময়ে তার মত জিজ্ঞেস করা হয়েছে, আর আগেও করা হয়েছিল: প্রতিটি দিকে প্রথমবার আর সর্বশেষবারের গড় উত্তর, ১ (খুব কঠিন) থেকে ৪ (খুব ভালো), তার আর কর্মীর; আর সর্বশেষবার দুজনের মধ্যে কতবার দুই ধাপ বা তার বেশি তফাত ছিল।
indicator-r8-chart-title = তার মত আর কর্মীর মত, প্রথমবার ও সর্বশেষ
indicator-r8-chart-desc = প্রতিটি দিকের জন্য দুটি রেখা: তার আর কর্মীর, প্রথমবারের গড় থেকে সর্বশেষ গড় পর্যন্ত, ১ (খুব কঠিন) থেকে ৪ (খুব ভালো) মাপে।
indicator-r8-her-change = তার পরিবর্তন
indicator-r8-worker-change = কর্মীর পরিবর্তন
indicator-r8-gaps = দুই ধাপ বা তার বেশি তফাত
indicator-r8-cases = { $n }টি কেস, যেখানে তার মত অন্তত দুবার জিজ্ঞেস করা হয়েছে
indicator-r8-gap-share = { $n }টির মধ্যে { $count }টি
