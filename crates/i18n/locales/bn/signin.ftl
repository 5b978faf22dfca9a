# সাইন-ইন সীমা ও দুই-ধাপের সাইন-ইন।

signin-wait-seconds = { $count ->
    [one] অনেকবার ভুল চেষ্টা হয়েছে। এক সেকেন্ড অপেক্ষা করে আবার চেষ্টা করুন।
   *[other] অনেকবার ভুল চেষ্টা হয়েছে। { $n } সেকেন্ড অপেক্ষা করে আবার চেষ্টা করুন।
}
signin-code-title = আপনার সাইন-ইন কোড
signin-code-intro = আপনার পাসওয়ার্ড ঠিক ছিল। এবার আপনার অথেনটিকেটর অ্যাপে যে কোড দেখাচ্ছে সেটি লিখুন।
signin-code-label = অ্যাপের কোড, বা একটি রিকভারি কোড
signin-code-hint = ছয় অঙ্কের কোড। ফোন হারিয়ে গেলে আপনার একটি রিকভারি কোড লিখুন।
signin-code-submit = সাইন ইন
signin-code-start-again = আবার শুরু করুন

twofactor-code-wrong = কোডটি ঠিক নয়। অ্যাপে এখন যে কোড দেখাচ্ছে সেটি দিয়ে আবার চেষ্টা করুন।
twofactor-already-on = দুই-ধাপের সাইন-ইন আগে থেকেই চালু আছে।
twofactor-title = দুই-ধাপের সাইন-ইন
twofactor-link = দুই-ধাপের সাইন-ইন
twofactor-on = { $count ->
    [one] দুই-ধাপের সাইন-ইন চালু আছে। আপনার একটি রিকভারি কোড বাকি আছে।
   *[other] দুই-ধাপের সাইন-ইন চালু আছে। আপনার { $n }টি রিকভারি কোড বাকি আছে।
}
twofactor-off-intro = দুই-ধাপের সাইন-ইনে পাসওয়ার্ডের পরে সাথী আপনার ফোনের অথেনটিকেটর অ্যাপ থেকে একটি কোড চায়। কেউ আপনার পাসওয়ার্ড জেনে গেলেও সাইন ইন করতে পারবে না।
twofactor-required = আপনার ভূমিকায় দুই-ধাপের সাইন-ইন বাধ্যতামূলক। এগিয়ে যেতে এখনই এটি চালু করুন।
twofactor-start = অথেনটিকেটর অ্যাপ চালু করুন
twofactor-scan = আপনার অথেনটিকেটর অ্যাপ দিয়ে এই QR কোডটি স্ক্যান করুন (যেমন Aegis, FreeOTP বা Google Authenticator)।
twofactor-qr-label = আপনার অথেনটিকেটর অ্যাপের জন্য QR কোড
twofactor-secret-label = অথবা অ্যাপে এই চাবিটি লিখুন:
twofactor-confirm-label = অ্যাপে এখন দেখানো ছয় অঙ্কের কোড
twofactor-confirm-submit = নিশ্চিত করুন
twofactor-codes-heading = আপনার রিকভারি কোড
twofactor-codes-intro = এই দশটি কোড কাগজে লিখে নিরাপদে রাখুন। ফোন হারালে প্রতিটি কোড দিয়ে একবার সাইন ইন করা যাবে। এগুলি শুধু এখনই দেখানো হচ্ছে।
twofactor-codes-done = আমি লিখে রেখেছি
twofactor-lost-phone = ফোন ও রিকভারি কোড দুটোই হারালে আপনার পরিচালককে দুই-ধাপের সাইন-ইন রিসেট করতে বলুন।
twofactor-roles-title = ভূমিকা অনুযায়ী দুই-ধাপের সাইন-ইন
twofactor-roles-intro = এখানে টিক দেওয়া ভূমিকার মানুষদের পরের সাইন-ইনে, কোনো পাতায় পৌঁছানোর আগে, দুই-ধাপের সাইন-ইন চালু করতে হবে।
twofactor-roles-submit = সংরক্ষণ করুন
twofactor-roles-saved = সংরক্ষিত হয়েছে।
twofactor-status = অবস্থা
twofactor-user-on = চালু
twofactor-user-off = বন্ধ
twofactor-reset-intro = তিনি ফোন হারালে তাঁর দুই-ধাপের সাইন-ইন রিসেট করুন। তখন তিনি শুধু পাসওয়ার্ড দিয়ে সাইন ইন করতে পারবেন, এবং "আমার অ্যাকাউন্ট" থেকে আবার এটি চালু করবেন (তাঁর ভূমিকায় বাধ্যতামূলক হলে সঙ্গে সঙ্গেই)।
twofactor-reset-submit = দুই-ধাপের সাইন-ইন রিসেট করুন
twofactor-reset-done = তাঁর দুই-ধাপের সাইন-ইন রিসেট হয়েছে।

audit-action-password-check-failed = পাসওয়ার্ড বদলানোর সময় বর্তমান পাসওয়ার্ড ভুল
audit-action-two-factor-enrolled = দুই-ধাপের সাইন-ইন চালু হয়েছে
audit-action-two-factor-failed = দুই-ধাপের কোড ভুল
audit-action-two-factor-recovery-used = রিকভারি কোড ব্যবহার হয়েছে
audit-action-two-factor-reset = দুই-ধাপের সাইন-ইন রিসেট হয়েছে
audit-action-two-factor-roles-set = দুই-ধাপের সাইন-ইন লাগে এমন ভূমিকা বদলেছে
