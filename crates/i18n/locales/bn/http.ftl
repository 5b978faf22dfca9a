# HTTP as the standards say, and packages held to local rules (issue 11).
problem-method-not-allowed-title = এখানে অনুমতি নেই
problem-method-not-allowed-detail = এই ঠিকানা এই ধরনের অনুরোধ নেয় না।
problem-body-too-large-detail = যা পাঠানো হয়েছে তা সাথী এখানে যতটা নেয় তার চেয়ে বড়। কিছুই সংরক্ষণ হয়নি।
problem-bad-encoding-title = ফর্মটি পড়া যায়নি
problem-bad-encoding-detail = পাঠানো লেখার কিছু অংশ সাথী পড়তে পারে এমন রূপে ছিল না (UTF-8 নয়), তাই কিছুই সংরক্ষণ হয়নি। ফিরে গিয়ে লেখাটি দেখে আবার পাঠান।
xlsform-more-problems = { $count ->
    [one] এবং আরও একটি সমস্যা
   *[other] এবং আরও { $n }টি সমস্যা
}
