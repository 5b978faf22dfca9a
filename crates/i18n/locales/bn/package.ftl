# অন্য সার্ভারের সঙ্গে হস্তান্তর প্যাকেজ।
audit-action-org-keys-created = সংস্থার প্যাকেজ চাবি তৈরি হয়েছে
audit-action-org-identity-shown = সংস্থার গোপন প্যাকেজ চাবি ছাপা হয়েছে
audit-action-org-trusted = অন্য সার্ভারের সংস্থাকে বিশ্বস্ত তালিকায় যোগ করা হয়েছে
audit-action-package-exported = হস্তান্তর প্যাকেজ রপ্তানি হয়েছে
audit-action-package-imported = হস্তান্তর প্যাকেজ আমদানি হয়েছে

package-error-not-a-package = এই ফাইলটি সাথীর হস্তান্তর প্যাকেজ নয়।
package-error-damaged = প্যাকেজটি নষ্ট বা অসম্পূর্ণ। প্রেরককে আবার রপ্তানি করতে বলুন।
package-error-not-for-us = প্যাকেজটি আপনার সংস্থার নামে পাঠানো হয়নি।
package-error-malformed = প্যাকেজের ভেতরের বিন্যাস ঠিক নেই।
package-error-unknown-version = প্যাকেজটি সাথীর নতুন সংস্করণে তৈরি। সাথী হালনাগাদ করতে বলুন।
package-error-bad-signature = সই করার পরে প্যাকেজটি বদলানো হয়েছে, বা অন্য চাবিতে সই করা। কিছুই আমদানি হয়নি।
package-error-unknown-sender = প্রেরক সংস্থা আপনার তালিকায় নেই। আগে তাদের চাবি বিশ্বস্ত করতে হবে।
package-error-wrong-addressee = প্যাকেজটি অন্য সংস্থার নামে পাঠানো।
package-error-key = একটি চাবি সঠিক নয়।
package-error-seal = প্যাকেজ তৈরি করা যায়নি।
package-error-replay = এই প্যাকেজ আগেই আমদানি হয়েছে। কিছুই বদলায়নি।
package-error-remote-org = এই সংস্থা অন্য একটি সাথী সার্ভারে কাজ করে।
package-error-key-changed = এই সংস্থা আগেই অন্য চাবি দিয়ে বিশ্বস্ত। বদলানোর আগে তাদের সঙ্গে কথা বলুন।
package-error-own-org = এটি এই সার্ভারেরই একটি সংস্থা।
package-error-not-ready = শুধু পাঠানো হস্তান্তর, বা প্যাকেজে আসা হস্তান্তরের উত্তর, রপ্তানি করা যায়।
package-error-no-keys = গ্রহণকারী সংস্থার চাবি তালিকায় নেই।
package-error-same-server = গ্রহণকারী এই সার্ভারেই কাজ করে: হস্তান্তর প্যাকেজ ছাড়াই পৌঁছায়।
package-error-no-file = প্যাকেজ ফাইলটি বেছে নিন।

package-download = হস্তান্তর প্যাকেজ নামান
package-download-answer = প্রেরকের জন্য উত্তর নামান
package-download-help = গ্রহণকারী অন্য সাথী সার্ভারে কাজ করে। ফাইলটি যেকোনো উপায়ে পাঠান: শুধু তারাই খুলতে পারবে।
package-import-title = হস্তান্তর প্যাকেজ আমদানি
package-import-help = অন্য সাথী সার্ভারের কোনো সংস্থা থেকে আসা কেস বা উত্তর। কিছু সংরক্ষণের আগে ফাইলটি যাচাই করা হয়।
package-import-again = অনুগ্রহ করে ফাইলটি আবার বেছে নিন।
package-file = প্যাকেজ ফাইল
package-import = আমদানি করুন
