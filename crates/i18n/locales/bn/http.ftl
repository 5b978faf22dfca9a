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
package-error-value = প্যাকেজে এমন একটি মান আছে যা এখানে গ্রহণযোগ্য নয় (খুব লম্বা, সীমার বাইরের তারিখ, বা অজানা বিকল্প)। কিছুই আমদানি হয়নি।
package-error-voice-exists = এই প্যাকেজের তার কথার একটি অংশ এই সার্ভারে আগে থেকেই আছে। কিছুই আমদানি হয়নি।
package-error-document-exists = এই প্যাকেজের একটি নথি এই সার্ভারে আগে থেকেই আছে। কিছুই আমদানি হয়নি।
package-error-record-exists = এই প্যাকেজের একটি রেকর্ড এই সার্ভারে আগে থেকেই আছে। কিছুই আমদানি হয়নি।
audit-action-package-refused = হস্তান্তর প্যাকেজ প্রত্যাখ্যাত
resend-detail = আপনার পাঠানো লেখার কিছু অংশ পড়া যায়নি, তাই কিছুই সংরক্ষণ হয়নি। লেখাটি নিচে আছে; যে অক্ষর পড়া যায়নি সেখানে একটি চিহ্ন (�) আছে। দেখে ঠিক করে আবার পাঠান।
resend-field = আপনার লেখা, যতটা পড়া গেছে
resend-send-again = আবার পাঠান
