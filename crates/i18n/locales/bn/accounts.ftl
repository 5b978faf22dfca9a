# Accounts: the survivor role alone, passwords, language preference (issue 11).
error-password-too-long = পাসওয়ার্ডে সর্বাধিক ১,০২৪টি অক্ষর থাকতে পারে।
error-password-contains-organisation = পাসওয়ার্ডে আপনার সংস্থার নাম রাখা যাবে না।
error-password-is-demo = ডেমোর পাসওয়ার্ড সবাই জানে। অন্য একটি পাসওয়ার্ড বেছে নিন।
error-survivor-with-other-roles = সারভাইভারের নিজের অ্যাকাউন্টে অন্য কোনো ভূমিকা থাকতে পারে না। কর্মীর কাজের জন্য আলাদা অ্যাকাউন্ট তৈরি করুন।
sign-in-split-account = এই অ্যাকাউন্টে সারভাইভারের ভূমিকার সঙ্গে কর্মীর ভূমিকাও আছে, যা আর চলে না। আপনার পরিচালক বা নেটওয়ার্ক প্রশাসককে এটি দুটি আলাদা অ্যাকাউন্টে ভাগ করতে বলুন, তারপর আবার সাইন ইন করুন।
account-password-must-change = আপনার পাসওয়ার্ড এখন সাথীর নিয়ম মানে না: এটি খুব চেনা, এতে আপনার ব্যবহারকারীর নাম বা সংস্থার নাম আছে, অথবা এটি ডেমোর পাসওয়ার্ড। এগোতে একটি নতুন পাসওয়ার্ড বেছে নিন।
account-language-save-label = আমার ভাষা হিসেবে রাখুন
account-language-save = সংরক্ষণ করুন
account-language-saved = আপনার ভাষা সংরক্ষিত হয়েছে।
