# সাথী — বাংলা ইন্টারফেসের লেখা। বার্তার আইডি পাতা অনুযায়ী সাজানো।
# এখানকার প্রতিটি আইডি en/main.ftl ও hi/main.ftl-এও থাকতে হবে (একটি পরীক্ষা তা দেখে)।

app-name = সাথী
app-tagline = তার সঙ্গে, যত্নের ধারাবাহিকতা

## নেভিগেশন ও বিন্যাস
nav-home = প্রথম পাতা
nav-organisations = সংস্থাগুলি
nav-users = ব্যবহারকারী
nav-audit = অডিট তালিকা
nav-account = আমার অ্যাকাউন্ট
nav-language = ভাষা
nav-sign-out = সাইন আউট
nav-skip = মূল অংশে যান
nav-main = প্রধান মেনু
nav-menu = মেনু
signed-in-as = { $name } হিসেবে সাইন ইন করা আছে

## সাইন ইন
sign-in-title = সাইন ইন
sign-in-username = ব্যবহারকারীর নাম
sign-in-password = পাসওয়ার্ড
sign-in-submit = সাইন ইন করুন
sign-in-failed = ব্যবহারকারীর নাম বা পাসওয়ার্ড ঠিক নয়। আবার চেষ্টা করুন।
sign-in-throttled = অনেকবার ভুল চেষ্টা হয়েছে। { $minutes } মিনিট অপেক্ষা করে আবার চেষ্টা করুন।
sign-in-signed-out = আপনি সাইন আউট করেছেন।
sign-in-intro = এক সংস্থা থেকে আরেক সংস্থায় যাওয়ার পথে সাথী একজন সারভাইভারের যত্নকে একসঙ্গে ধরে রাখে।

## প্রথম পাতা
home-title = প্রথম পাতা
home-welcome = স্বাগতম, { $name }
home-organisation = আপনার সংস্থা: { $organisation }
home-roles = আপনার ভূমিকা: { $roles }
home-admin-heading = নেটওয়ার্ক
home-admin-organisations = { $count ->
    [one] { $n }টি সংস্থা
   *[other] { $n }টি সংস্থা
}
home-director-heading = আপনার সংস্থা
home-cases-heading = কেস
home-cases-empty = এখনও আপনাকে কোনো কেস দেওয়া হয়নি।
home-training-heading = প্রশিক্ষণ কর্মসূচি
home-training-empty = এখনও কোনো কর্মশালার দিন ঠিক হয়নি।
home-survivor-heading = আপনার নথি
home-survivor-empty = আপনার পরিকল্পনা আর আপনার নিজের কথা এখানে দেখা যাবে।

## অ্যাকাউন্ট
account-title = আমার অ্যাকাউন্ট
account-language = ইন্টারফেসের ভাষা
account-password-heading = পাসওয়ার্ড বদলান
account-password-current = বর্তমান পাসওয়ার্ড
account-password-new = নতুন পাসওয়ার্ড
account-password-hint = অন্তত ১২টি অক্ষর। ছোট একটি বাক্য মনে রাখা সহজ, আন্দাজ করা কঠিন।
account-password-submit = পাসওয়ার্ড বদলান
account-password-changed = আপনার পাসওয়ার্ড বদলানো হয়েছে। আবার সাইন ইন করুন।
account-password-wrong = বর্তমান পাসওয়ার্ডটি ঠিক নয়।

## সংস্থা
organisations-title = সংস্থাগুলি
organisations-empty = এখনও কোনো সংস্থা নেই।
organisations-add = নতুন সংস্থা যোগ করুন
organisation-new-title = নতুন সংস্থা
organisation-edit-title = সংস্থার তথ্য বদলান
organisation-name = নাম
organisation-kind = ধরন
organisation-country = দেশ (দুই অক্ষরের কোড)
organisation-district = জেলা
organisation-languages = কাজের ভাষা
organisation-save = সংরক্ষণ করুন
organisation-created = সংস্থাটি যোগ করা হয়েছে।
organisation-updated = সংস্থার তথ্য সংরক্ষিত হয়েছে।
organisation-conflict = আপনি যখন বদলাচ্ছিলেন, তখন অন্য কেউ এই সংস্থার তথ্য বদলেছেন। নিচে এখনকার তথ্য দেখানো হল; আপনার বদলগুলি ফর্মেই রাখা আছে। সেটি বদলাতে আবার সংরক্ষণ করুন।
organisation-current-version = এখনকার সংস্করণ
organisation-users-link = এই সংস্থার ব্যবহারকারীরা

## সংস্থার ধরন
org-kind-destination = গন্তব্য-এলাকার সংস্থা
org-kind-transit = ট্রানজিট হোম
org-kind-source = উৎস-এলাকার সংস্থা
org-kind-community = সমাজভিত্তিক সংগঠন

## ব্যবহারকারী
users-title = { $organisation }-এর ব্যবহারকারীরা
users-empty = এই সংস্থার এখনও কোনো ব্যবহারকারী নেই।
users-add = ব্যবহারকারী যোগ করুন
users-count = { $count ->
    [one] { $n } জন ব্যবহারকারী
   *[other] { $n } জন ব্যবহারকারী
}
user-new-title = নতুন ব্যবহারকারী
user-edit-title = ব্যবহারকারীর তথ্য বদলান
user-username = ব্যবহারকারীর নাম
user-display-name = অন্যদের কাছে যে নাম দেখাবে
user-roles = ভূমিকা
user-language = পছন্দের ভাষা
user-password = পাসওয়ার্ড
user-active = অ্যাকাউন্ট চালু
user-inactive = বন্ধ
user-save = সংরক্ষণ করুন
user-created = ব্যবহারকারী যোগ করা হয়েছে।
user-updated = ব্যবহারকারীর তথ্য সংরক্ষিত হয়েছে।
user-conflict = আপনি যখন বদলাচ্ছিলেন, তখন অন্য কেউ এই ব্যবহারকারীর তথ্য বদলেছেন। এখনকার তথ্য দেখে আবার সংরক্ষণ করুন।

## ভূমিকা
role-network-admin = নেটওয়ার্ক প্রশাসক
role-director = পরিচালক
role-case-worker = কেস কর্মী
role-counsellor = কাউন্সেলর
role-care-giver = পরিচর্যাকারী
role-trainer = প্রশিক্ষক
role-survivor = সারভাইভার

## অডিট তালিকা
audit-title = অডিট তালিকা
audit-case = কেস { $code }
audit-older = আরও পুরোনো এন্ট্রি
audit-newest = সবচেয়ে নতুন এন্ট্রি
audit-empty = এখনও কিছু লেখা হয়নি।
audit-when = কখন
audit-who = কে
audit-what = কী
audit-subject = কোন বিষয়ে
audit-source = কোথা থেকে
audit-action-sign-in = সাইন ইন করেছেন
audit-action-sign-in-failed = সাইন ইন ব্যর্থ
audit-action-sign-in-throttled = বারবার ব্যর্থ হওয়ায় সাইন ইন আটকানো হয়েছে
audit-action-sign-out = সাইন আউট করেছেন
audit-action-organisation-created = সংস্থা যোগ হয়েছে
audit-action-organisation-updated = সংস্থার তথ্য বদলেছে
audit-action-user-created = ব্যবহারকারী যোগ হয়েছে
audit-action-user-updated = ব্যবহারকারীর তথ্য বদলেছে
audit-action-password-changed = পাসওয়ার্ড বদলেছে
audit-action-token-created = এপিআই টোকেন তৈরি হয়েছে
audit-action-token-revoked = এপিআই টোকেন বাতিল হয়েছে
audit-action-demo-loaded = ডেমো নেটওয়ার্ক লোড হয়েছে

## ঘরের ভুল
error-required = এই ঘরটি পূরণ করতে হবে।
error-invalid-id = এটি সঠিক আইডি নয়।
error-unknown-language = বাংলা, হিন্দি বা ইংরেজি বেছে নিন।
error-unknown-role = তালিকা থেকে একটি ভূমিকা বেছে নিন।
error-unknown-org-kind = গন্তব্য, ট্রানজিট, উৎস বা সমাজভিত্তিক — এর একটি বেছে নিন।
error-invalid-country = দুই অক্ষরের দেশের কোড লিখুন, যেমন IN, BD বা NP।
error-empty-org-name = সংস্থার নাম লিখুন।
error-org-name-too-long = নাম বড়জোর ২০০ অক্ষরের হতে পারে।
error-district-too-long = জেলার নাম বড়জোর ১০০ অক্ষরের হতে পারে।
error-invalid-username = ব্যবহারকারীর নামে ৩ থেকে ৬৪টি অক্ষর থাকবে: ছোট হাতের ইংরেজি অক্ষর, সংখ্যা, বিন্দু, হাইফেন বা আন্ডারস্কোর।
error-display-name-too-long = নাম বড়জোর ১২০ অক্ষরের হতে পারে।
error-no-roles = অন্তত একটি ভূমিকা বেছে নিন।
error-password-too-short = পাসওয়ার্ডে অন্তত ১২টি অক্ষর থাকতে হবে।
error-password-too-common = এই পাসওয়ার্ডটি খুব চেনা। আরও লম্বা, সহজে আন্দাজ করা যায় না এমন পাসওয়ার্ড বেছে নিন।
error-password-contains-username = পাসওয়ার্ডে ব্যবহারকারীর নাম রাখা যাবে না।
error-duplicate-username = এই ব্যবহারকারীর নামটি আগেই নেওয়া হয়েছে।
error-duplicate-organisation = এই নামে একটি সংস্থা আগে থেকেই আছে।
error-database-url = ডেটাবেসের ঠিকানাটি সঠিক নয়।
error-conflict = এর মধ্যে অন্য কেউ এই নথিটি বদলেছেন।
error-not-found = পাওয়া যায়নি।
error-internal = আমাদের দিকে কিছু গোলমাল হয়েছে।

## অনুমতি নেই
forbidden-role = আপনার ভূমিকায় এটি করার অনুমতি নেই।
forbidden-other-organisation = এটি অন্য একটি সংস্থার।

## সমস্যা (ভুলের পাতা ও এপিআই-এর ভুল)
problem-sign-in-required-title = সাইন ইন করতে হবে
problem-sign-in-required-detail = এগোতে হলে সাইন ইন করুন।
problem-forbidden-title = অনুমতি নেই
problem-csrf-failed-title = ফর্মের মেয়াদ শেষ
problem-csrf-failed-detail = ফর্মটি অনেকক্ষণ খোলা ছিল বা অন্য কোথাও থেকে এসেছে। পিছনে গিয়ে পাতাটি আবার খুলে চেষ্টা করুন।
problem-not-found-title = পাওয়া যায়নি
problem-not-found-detail = এই ঠিকানায় কিছু নেই।
problem-malformed-title = অনুরোধটি পড়া যায়নি
problem-malformed-detail = অনুরোধটি প্রত্যাশিত রূপে ছিল না।
problem-invalid-title = কয়েকটি ঘর ঠিক করতে হবে
problem-invalid-detail = তালিকার ঘরগুলি ঠিক করুন।
problem-duplicate-title = আগে থেকেই আছে
problem-precondition-failed-title = এর মধ্যে বদলে গেছে
problem-precondition-failed-detail = আপনি পড়ার পরে নথিটি বদলেছে। আবার পড়ে আপনার বদলটি আবার করুন।
problem-precondition-required-title = সংস্করণ দরকার
problem-precondition-required-detail = যে ETag পড়েছেন তা If-Match হেডারে পাঠান, যাতে কারও বদল মুছে না যায়।
problem-throttled-title = অনেকবার চেষ্টা হয়েছে
problem-throttled-detail = অনেকবার সাইন ইন ব্যর্থ হয়েছে। একটু অপেক্ষা করে আবার চেষ্টা করুন।
problem-internal-title = কিছু গোলমাল হয়েছে
problem-internal-detail = আমাদের দিকে কিছু গোলমাল হয়েছে। আপনার লেখা সংরক্ষিত হয়নি; আবার চেষ্টা করুন।
problem-back-home = প্রথম পাতায় ফিরুন

## কেস
nav-cases = কেস
home-cases-all = আপনার সংস্থার সব কেস
home-my-cases = { $count ->
    [one] আপনার দায়িত্বে { $n }টি কেস
   *[other] আপনার দায়িত্বে { $n }টি কেস
}
cases-title = কেস
cases-search = তার কথায় খুঁজুন
cases-search-hint = আপনাকে দেওয়া কেসগুলিতে লেখা কথার মধ্যে খোঁজা হয়। শব্দের প্রথম অংশই যথেষ্ট: “স্কুল” লিখলে “স্কুলে” পাওয়া যাবে।
cases-any-stage = যেকোনো পর্যায়
cases-mine = শুধু আমার দায়িত্বের কেস
cases-code-filter = কেস কোডের শুরু
cases-opened-from = যেদিন বা যার পরে খোলা হয়েছে
cases-opened-to = যেদিন বা যার আগে খোলা হয়েছে
cases-filter = দেখান
cases-none-found = আপনার দায়িত্বের কোনো কেসে এই কথাগুলি নেই।
cases-empty = দেখানোর মতো কোনো কেস নেই।
cases-assigned-to-me = আমার দায়িত্বে
case-code = কেস কোড
case-stage = পর্যায়
case-opened = খোলার তারিখ
case-new-title = নতুন কেস খুলুন
case-new-intro = তার নাম, পরিবার ও ঠিকানা কেস থেকে আলাদা রাখা হয় এবং শুধু তার দায়িত্বে থাকা কর্মীরাই দেখতে পান। অন্য সব জায়গায় তাকে তার কেস কোড দিয়ে চেনা হয়।
case-open = কেস খুলুন
case-title = কেস { $code }
case-created = কেসটি খোলা হয়েছে। আপনি এর দায়িত্বে আছেন।
case-conflict = আপনি কাজ করার সময় অন্য কেউ এই কেসটি বদলেছেন। পাতায় এখনকার অবস্থা দেখানো হয়েছে; আপনার লেখা কারণটি ফর্মে রাখা আছে।
case-summary-only = আপনি এই কেসের সারাংশ দেখছেন। তার কথা ও তার যাত্রা শুধু তার দায়িত্বে থাকা কর্মীরাই দেখতে পান।

## পরিচয় অংশ
identity-name = তার নাম
identity-family = পরিবার
identity-address = ঠিকানা
identity-open = পরিচয় অংশ খুলুন (এটি নথিভুক্ত হয়)
identity-title = কেস { $code }-এর পরিচয়
identity-recorded = এই খোলার কথা অডিট নথিতে লেখা হয়েছে।
identity-back = কেসে ফিরে যান

## তার কথা
voice-heading = তার কথা
voice-empty = এখনও তার নিজের কথায় কিছু লেখা হয়নি। তাকে জিজ্ঞেস করুন সে কী আশা করে, কীসে ভয় পায় আর কী চায়।
voice-corrected = সংশোধিত
voice-read-back = তাকে পড়ে শোনানো হয়েছে
voice-not-read-back = এখনও তাকে পড়ে শোনানো হয়নি
voice-add = তার কথা লিখুন
voice-kind = ধরন
voice-text = তার কথা
voice-text-hint = সে যেভাবে বলেছে, যে ভাষায় বলেছে, ঠিক সেভাবেই লিখুন।
voice-language = সে যে ভাষায় বলেছে
voice-spoken-on = সে কবে বলেছে
voice-read-back-check = আমি এটি তাকে পড়ে শুনিয়েছি এবং সে মেনেছে যে সে এটাই বলেছে
voice-save = তার কথা সংরক্ষণ করুন
voice-saved = তার কথা সংরক্ষণ করা হয়েছে।
voice-meta = বলার তারিখ ও লিখেছেন: { $when }
voice-kind-hope = আশা
voice-kind-fear = ভয়
voice-kind-plan = পরিকল্পনা
voice-kind-preference = পছন্দ
voice-kind-feedback = মতামত

## যাত্রা
journey-heading = যাত্রা
journey-empty = কেসটি এখনও এক পর্যায় থেকে অন্য পর্যায়ে যায়নি।
stage-change = পর্যায় বদলান
stage-to = নতুন পর্যায়
stage-reason = কেন
stage-save = পর্যায় বদলান
stage-saved = পর্যায় বদলানো হয়েছে।
stage-identified = শনাক্ত হয়েছে
stage-in-care = আশ্রয়ে আছে
stage-preparing-return = ফেরার প্রস্তুতি
stage-in-transit = ফেরার পথে
stage-returned = ফিরে গেছে
stage-reintegrating = পুনর্মিলন চলছে
stage-follow-up = পরবর্তী খোঁজখবর
stage-closed = বন্ধ

## কেসের ভুল
error-unknown-stage = তালিকা থেকে একটি পর্যায় বেছে নিন।
error-stage-unchanged = কেসটি ইতিমধ্যেই এই পর্যায়ে আছে।
error-stage-skipped = কেস একবারে একটি পর্যায় এগোয় বা পিছোয়। পরের বা আগের পর্যায়টি বেছে নিন।
error-case-closed = এই কেসটি বন্ধ।
error-reason-required = কারণটি লিখুন।
error-unknown-voice-kind = আশা, ভয়, পরিকল্পনা, পছন্দ বা মতামত বেছে নিন।
error-empty-text = সে যা বলেছে তা লিখুন।
error-text-too-long = লেখাটি খুব বড়।
error-invalid-date = ২০২৬-১১-২৯ এর মতো করে তারিখ লিখুন।
error-date-in-future = তারিখটি ভবিষ্যতের।
error-date-before-case = তারিখটি কেস খোলার আগের।
error-invalid-case-code = এটি কোনো কেস কোড নয়।
forbidden-not-assigned = শুধু এই কেসের দায়িত্বে থাকা কর্মীরাই এটি করতে পারেন।
audit-action-case-created = কেস খোলা হয়েছে
audit-action-case-stage-changed = কেসের পর্যায় বদলেছে
audit-action-case-viewed = কেস পড়া হয়েছে
audit-action-identity-opened = পরিচয় অংশ খোলা হয়েছে
audit-action-voice-recorded = তার কথা লেখা হয়েছে
audit-action-voice-corrected = তার কথা সংশোধন করা হয়েছে

## সিদ্ধান্তের খাতা
decisions-heading = সিদ্ধান্ত
decisions-empty = এখনও কোনো সিদ্ধান্ত লেখা হয়নি।
decision-add = একটি সিদ্ধান্ত লিখুন
decision-topic = বিষয়
decision-topic-general = তার যত্ন নিয়ে একটি সিদ্ধান্ত
decision-topic-plan = কেস পরিকল্পনা অনুমোদন
decision-topic-closure = কেস বন্ধ করা
decision-what = কী সিদ্ধান্ত হয়েছে
decision-decided-by = কে সিদ্ধান্ত নিয়েছেন
decision-options = তাকে কী কী বিকল্প দেওয়া হয়েছিল
decision-options-hint = প্রতি লাইনে একটি বিকল্প।
decision-her-choice = সে কী বেছে নিয়েছে
decision-participation = সিদ্ধান্তে তার ভূমিকা
decision-her-view = তার মত, তার নিজের কথায়
decision-absent-reason = সে কেন অংশ নিতে পারেনি
decision-save = সিদ্ধান্তটি লিখে রাখুন
decision-saved = সিদ্ধান্তটি লেখা হয়েছে।
participation-decided-with-her = তার সঙ্গে মিলে সিদ্ধান্ত
participation-consulted = তার মত নেওয়া হয়েছে
participation-informed = পরে তাকে জানানো হয়েছে
participation-absent = সে অংশ নিতে পারেনি
error-unknown-participation = সে কতটা অংশ নিয়েছে তা বেছে নিন।
error-participation-required = সিদ্ধান্তে সে কতটা অংশ নিয়েছে তা লিখুন।
error-unknown-decision-topic = সিদ্ধান্তটি কী নিয়ে তা বেছে নিন।
error-closure-needs-decision = কেস বন্ধ করতে হলে আগে কেস বন্ধ করা নিয়ে একটি সিদ্ধান্ত লিখতে হবে — তার অংশগ্রহণসহ, বা সে কেন অংশ নিতে পারেনি তা জানিয়ে।
audit-action-decision-logged = সিদ্ধান্ত লেখা হয়েছে

## সম্মতি
consents-heading = তার সম্মতি
consents-empty = এখনও কোনো সম্মতি লেখা হয়নি।
consent-add = একটি সম্মতি লিখুন
consent-purpose = সে কীসে সম্মতি দিচ্ছে
consent-section = তার নথির কোন অংশ (ভাগ করার জন্য)
consent-organisation = কোন সংস্থার সঙ্গে
consent-explained-how = তাকে কীভাবে বোঝানো হয়েছে
consent-explained-in = কোন ভাষায় বোঝানো হয়েছে
consent-explained-by = কে বুঝিয়েছেন
consent-expires-on = শেষ দিন (শেষ না হলে ফাঁকা রাখুন)
consent-save = সম্মতি লিখে রাখুন
consent-saved = সম্মতি লেখা হয়েছে।
consent-revoke = প্রত্যাহার করুন
consent-revoke-reason = কেন
consent-revoked-notice = সম্মতি প্রত্যাহার করা হয়েছে। এখন থেকে এটি আর কিছুতেই প্রযোজ্য নয়।
consent-active = বহাল
consent-active-until = { $date } পর্যন্ত বহাল
consent-revoked = প্রত্যাহার করা হয়েছে
consent-expired = মেয়াদ শেষ
purpose-services = পরিষেবা নেওয়া
purpose-sharing = তার নথির একটি অংশ ভাগ করা
purpose-follow-up-updates = যে সংস্থা তাকে পাঠিয়েছে, তাদের কাছে পরের খবর পাঠানো
purpose-statistics = নাম ছাড়া পরিসংখ্যানে গোনা
section-legal = আইনি
section-health = স্বাস্থ্য
section-psychosocial = মনো-সামাজিক
section-identity = পরিচয়
section-voice = তার কথা, পরিকল্পনা ও সিদ্ধান্ত
section-other = অন্যান্য
error-unknown-purpose = সে কীসে সম্মতি দিচ্ছে তা বেছে নিন।
error-unknown-section = তালিকা থেকে তার নথির একটি অংশ বেছে নিন।
error-organisation-required = সংস্থার নাম দিন।
error-section-required = তার নথির কোন অংশ ভাগ করা যাবে তা বেছে নিন।
error-date-in-past = তারিখটি পেরিয়ে গেছে।
error-no-consent = বহাল কোনো সম্মতি এটিকে অনুমতি দেয় না। আগে তাকে জিজ্ঞেস করে তার সম্মতি লিখুন।
error-already-revoked = এই সম্মতি আগেই প্রত্যাহার করা হয়েছে।
error-unknown-organisation = এই সংস্থাটি তালিকায় নেই।
audit-action-consent-recorded = সম্মতি লেখা হয়েছে
audit-action-consent-revoked = সম্মতি প্রত্যাহার করা হয়েছে

## কারা তার নথি পড়েছেন
readers-heading = কারা তার নথি পড়েছেন
readers-hint = তার নথি ও পরিচয় যতবার পড়া হয়েছে, সব এখানে লেখা থাকে: কোন সংস্থা, কোন ধরনের কর্মী, কবে। সে চাইলে এই তালিকা দেখতে পারে।
readers-organisation = সংস্থা
readers-day = দিন
readers-what = কী পড়া হয়েছে
readers-times = কতবার
readers-record = তার নথি
readers-identity = তার পরিচয়

## কেস পরিকল্পনা
plan-link = তার কেস পরিকল্পনা
plan-title = { $code }-এর কেস পরিকল্পনা
plan-print = ছাপার উপযোগী রূপ
plan-empty = পরিকল্পনায় এখনও কোনো লক্ষ্য নেই। সে নিজের জন্য কী চায়, সেখান থেকে শুরু করুন।
plan-status = অবস্থা
plan-status-save = অবস্থা বদলান
plan-add-goal = একটি লক্ষ্য যোগ করুন
plan-domain = জীবনের কোন দিক
plan-goal = লক্ষ্য
plan-set-by = কে ঠিক করেছেন
plan-target = লক্ষ্যের তারিখ
plan-target-on = { $date }-এর মধ্যে
plan-add-action = একটি কাজ যোগ করুন
plan-action = কাজ
plan-responsible = দায়িত্বে থাকা সংস্থা
plan-review = তার সঙ্গে পরিকল্পনা পর্যালোচনা
plan-agreement = সে কি পরিকল্পনার সঙ্গে একমত?
plan-her-words = সে এ নিয়ে কী বলে, তার নিজের কথায়
plan-review-notes = পর্যালোচনার নোট
plan-review-save = পর্যালোচনা লিখে রাখুন
plan-approve = পরিকল্পনার এই সংস্করণ অনুমোদন করুন
plan-reviews = তার সঙ্গে পর্যালোচনা
plan-reviews-empty = এখনও তার সঙ্গে পরিকল্পনা পর্যালোচনা হয়নি।
plan-approved-current = পরিকল্পনার এই সংস্করণ অনুমোদিত।
plan-approved-older = আগের একটি সংস্করণ অনুমোদিত হয়েছিল; এটি এখনও হয়নি।
plan-not-approved = পরিকল্পনা এখনও অনুমোদিত হয়নি।
plan-conflict = আপনি কাজ করার সময় অন্য কেউ পরিকল্পনাটি বদলেছেন। নিচে নতুন পরিকল্পনাটি দেখানো হয়েছে; আপনার পরিবর্তন ফর্মে রাখা আছে — দুটো মিলিয়ে দেখে দরকার হলে আবার সংরক্ষণ করুন।
goal-domain-safety = নিরাপত্তা
goal-domain-health = স্বাস্থ্য
goal-domain-wellbeing = মানসিক সুস্থতা
goal-domain-family = পরিবার ও সমাজ
goal-domain-livelihood = পড়াশোনা ও জীবিকা
goal-domain-justice = তার নিজের চোখে ন্যায়বিচার
set-by-her = সে নিজে ঠিক করেছে
set-by-team = দল ঠিক করেছে
set-by-order = আদালত বা পুলিশের আদেশে
goal-status-open = শুরু হয়নি
goal-status-in-progress = চলছে
goal-status-achieved = পূরণ হয়েছে
goal-status-dropped = বাদ দেওয়া হয়েছে
agreement-agreed = সে একমত
agreement-partly = সে আংশিক একমত
agreement-disagreed = সে একমত নয়
error-unknown-goal-domain = তালিকা থেকে তার জীবনের একটি দিক বেছে নিন।
error-unknown-set-by = কে ঠিক করেছে লিখুন: সে নিজে, দল, না আদালত বা পুলিশের আদেশ।
error-unknown-goal-status = তালিকা থেকে একটি অবস্থা বেছে নিন।
error-unknown-agreement = সে একমত, আংশিক একমত না একমত নয়, তা বলুন।
error-too-many-goals = পরিকল্পনায় লক্ষ্য খুব বেশি হয়ে গেছে।
error-plan-needs-decision = পরিকল্পনা অনুমোদনের আগে পরিকল্পনা নিয়ে একটি সিদ্ধান্ত লিখতে হবে — তার অংশগ্রহণসহ, বা সে কেন অংশ নিতে পারেনি তা জানিয়ে।
audit-action-plan-saved = কেস পরিকল্পনা সংরক্ষিত
audit-action-plan-approved = কেস পরিকল্পনা অনুমোদিত
audit-action-plan-reviewed = তার সঙ্গে কেস পরিকল্পনা পর্যালোচনা

## নোট
notes-heading = নোট
notes-empty = এখনও কোনো নোট নেই।
note-add = একটি নোট লিখুন
note-kind = নোটের ধরন
note-text = নোট
note-response = কী ব্যবস্থা নেওয়া হয়েছে (শুধু ঘটনার ক্ষেত্রে)
note-response-text = কী করা হয়েছে
note-save = নোট সংরক্ষণ করুন
note-saved = নোট সংরক্ষণ করা হয়েছে।
note-kind-case = কেস নোট
note-kind-psychosocial = মনো-সামাজিক নোট (শুধু কাউন্সেলরদের জন্য)
note-kind-daily = প্রতিদিনের যত্নের নোট
note-kind-incident = হোমে ঘটে যাওয়া ঘটনা
response-positive = ইতিবাচক শৃঙ্খলা
response-punitive = শাস্তিমূলক ব্যবস্থা
error-unknown-note-kind = তালিকা থেকে নোটের ধরন বেছে নিন।
error-unknown-response = ইতিবাচক শৃঙ্খলা বা শাস্তিমূলক ব্যবস্থা বেছে নিন।
error-response-required = কী ব্যবস্থা নেওয়া হয়েছে তা লিখুন।
audit-action-note-written = নোট লেখা হয়েছে

## নথিপত্র
documents-heading = নথিপত্র
documents-empty = কোনো নথি যুক্ত নেই।
document-section = তার নথির কোন অংশ
document-file = ফাইল
document-hint = কাগজ হলে PDF, JPEG বা PNG (বড়জোর ১০ MB), ফোনের রেকর্ডিং হলে MP3, M4A, OGG/Opus, AMR বা WebM (বড়জোর ২৫ MB)। নথি খুললে তা নথিভুক্ত হয়।
document-save = যুক্ত করুন
document-saved = নথিটি যুক্ত করা হয়েছে।
error-empty-file = ফাইলটি খালি।
error-file-too-large = ফাইলটি খুব বড়: কাগজ বড়জোর ১০ MB, রেকর্ডিং বড়জোর ২৫ MB। কম রেজোলিউশনে স্ক্যান করুন, বা ভাগ করে দিন।
error-file-type = শুধু PDF, JPEG আর PNG কাগজ, আর MP3, M4A, OGG, AMR বা WebM রেকর্ডিং যুক্ত করা যায়।
problem-too-large-title = খুব বড়
problem-too-large-detail = ফাইলটি সাথী যতটা নিতে পারে তার চেয়ে বড় (কাগজ ১০ MB, রেকর্ডিং ২৫ MB)। কিছুই সংরক্ষণ হয়নি।
audit-action-document-added = নথি যুক্ত হয়েছে
audit-action-document-opened = নথি খোলা হয়েছে

cases-overdue = পরিকল্পনা পর্যালোচনার সময় পেরিয়ে গেছে (৯০ দিন তার সঙ্গে পর্যালোচনা হয়নি)

voice-correct = লেখাটি সংশোধন করুন
voice-correct-save = সংশোধন সংরক্ষণ করুন (আগের কথাও রাখা থাকবে)
voice-conflict = আপনি লেখার সময় অন্য কেউ এই লেখাটি সংশোধন করেছেন। এখন তাদের সংস্করণ দেখানো হচ্ছে; আপনার সংশোধন ফর্মে রাখা আছে — মিলিয়ে দেখে দরকার হলে আবার সংরক্ষণ করুন।

voice-earlier = এই লেখার আগের কথাগুলি

## Her own record
nav-my-record = আমার নথি
own-title = আমার নথি
own-none = আপনার নথি এখনও আপনার অ্যাকাউন্টের সঙ্গে যুক্ত হয়নি। আপনার কেস কর্মীকে বলুন।
own-said = আমি যা বলেছি
own-said-empty = এখনও আমার নিজের কথায় কিছু লেখা নেই।
own-add = আমার নিজের কথা লিখি
own-words = আমার কথা
own-save = আমার কথা রাখুন
own-plan = আমার পরিকল্পনা
own-plan-words = আমার পরিকল্পনা নিয়ে আমি কী ভাবি, আমার কথায়
own-plan-save = ওদের জানাই
own-readers-hint = যাঁরা আমার নথি খুলেছেন: কোন সংস্থা, কোন ধরনের কর্মী, কবে।
own-kind = আমার কথাটা কী নিয়ে
own-language = আমি যে ভাষায় লিখছি
own-plan-empty = আমার পরিকল্পনা এখনও লেখা হয়নি।
own-agreement = আমি কি এই পরিকল্পনায় রাজি?
own-agreement-agreed = আমি রাজি
own-agreement-partly = আমি কিছুটা রাজি
own-agreement-disagreed = আমি রাজি নই
own-readers-heading = কারা আমার নথি পড়েছেন
error-not-a-survivor-account = এই সংস্থার একটি চালু সারভাইভার অ্যাকাউন্ট বেছে নিন।
audit-action-survivor-linked = তার নিজের অ্যাকাউন্ট কেসের সঙ্গে যুক্ত হয়েছে

survivor-link = তার নিজের অ্যাকাউন্ট
survivor-link-save = তার কেসের সঙ্গে যুক্ত করুন
survivor-link-choose = — তার অ্যাকাউন্টটি বেছে নিন —
survivor-linked = তার নিজের অ্যাকাউন্ট যুক্ত হয়েছে: সে এখন নিজের নথি পড়তে ও নিজের কথা লিখতে পারবে।

## হস্তান্তর
handover-state-draft = খসড়া
handover-state-sent = পাঠানো হয়েছে
handover-state-acknowledged = প্রাপ্তি স্বীকার করা হয়েছে
handover-state-accepted = গ্রহণ করা হয়েছে
handover-state-declined = ফিরিয়ে দেওয়া হয়েছে
gap-voice-not-recent = গত ৯০ দিনে তার আশা, ভয় বা পরিকল্পনা তার নিজের কথায় লেখা হয়নি।
gap-no-agreed-plan = এমন কোনো কেস পরিকল্পনা নেই যাতে সে সম্মতি দিয়েছে।
gap-no-home-assessment = সে বাড়ি ফিরছে, কিন্তু বাড়ি ও পরিবারের মূল্যায়ন লেখা নেই।
gap-no-legal-summary = আইনি সারাংশ নেই।
gap-no-health-summary = স্বাস্থ্যের সারাংশ নেই।
gap-no-shared-language = গ্রহণকারী সংস্থা যে ভাষায় কাজ করে, সে ভাষায় তার কোনো কথা লেখা নেই।
gap-voice-does-not-travel = তার কথা যাবে না: “তার কথা, পরিকল্পনা ও সিদ্ধান্ত” অংশ শেয়ার করার সম্মতিতে গ্রহণকারী সংস্থার নাম নেই।
gap-plan-does-not-travel = তার পরিকল্পনা যাবে না: এটি “তার কথা, পরিকল্পনা ও সিদ্ধান্ত” অংশের সঙ্গে যায়, আর গ্রহণকারী সংস্থার জন্য তার শেয়ার করার সম্মতি সেই অংশ ধরে না।
gap-voice-does-not-travel-fix = কেসের সম্মতির পাতায় গ্রহণকারী সংস্থার সঙ্গে “তার কথা, পরিকল্পনা ও সিদ্ধান্ত” অংশ শেয়ার করার সম্মতি লিখুন, তারপর আবার হস্তান্তর শুরু করুন।
gap-plan-does-not-travel-fix = কেসের সম্মতির পাতায় গ্রহণকারী সংস্থার সঙ্গে “তার কথা, পরিকল্পনা ও সিদ্ধান্ত” অংশ শেয়ার করার সম্মতি লিখুন, তারপর আবার হস্তান্তর শুরু করুন।
gap-voice-not-recent-fix = তার আশা, ভয় বা পরিকল্পনা তার নিজের কথায় লিখুন।
gap-no-agreed-plan-fix = তার সঙ্গে কেস পরিকল্পনা করুন এবং সে রাজি আছে কিনা লিখুন।
gap-no-home-assessment-fix = বাড়ি ও পরিবারের মূল্যায়ন পূরণ করুন।
gap-no-legal-summary-fix = আইনি সারাংশ হলো আইনি ভাগে রাখা একটি নথি; গ্রহণকারী সংস্থার জন্য তার শেয়ার করার সম্মতিতে আইনি অংশ থাকতে হবে।
gap-no-health-summary-fix = স্বাস্থ্যের সারাংশ হলো স্বাস্থ্য ভাগে রাখা একটি নথি; গ্রহণকারী সংস্থার জন্য তার শেয়ার করার সম্মতিতে স্বাস্থ্য অংশ থাকতে হবে।
gap-no-shared-language-fix = গ্রহণকারী সংস্থা যে ভাষায় কাজ করে সেই ভাষায় তার কথা লিখুন, বা অনুবাদ যোগ করুন।
handover-present = { $checked }টির মধ্যে { $present }টি তথ্য আছে
handover-state-cancelled = বাতিল
audit-action-handover-cancelled = হস্তান্তর বাতিল হয়েছে
handover-cancel = এই খসড়া বাতিল করুন
error-handover-not-draft = শুধু খসড়া বাতিল করা যায়: এই হস্তান্তর আগেই পাঠানো হয়েছে।
handover-all-present = দেখা সব তথ্যই আছে।
handover-nothing-travels = এই হস্তান্তরের সঙ্গে কিছুই যাবে না: তার সম্মতি তার নথির কোনো অংশ গ্রহণকারী সংস্থার কাছে যেতে দেয় না।
error-handover-step = হস্তান্তর চলে খসড়া, পাঠানো, প্রাপ্তি স্বীকার, তারপর গ্রহণ বা ফিরিয়ে দেওয়া — এই ধাপটি এখন হয় না।
error-same-organisation = কেসটি ইতিমধ্যেই ওই সংস্থার কাছে আছে।
error-share-to-custodian = আপনার সংস্থার কাছে তার যা আছে, তা যাবে সেই সংস্থার কাছে যার হাতে এখন তার কেস।
error-gaps-need-reason = রিপোর্টে ঘাটতি আছে। তবুও কেন এখনই হস্তান্তর হবে, তা লিখুন।
audit-action-handover-started = হস্তান্তর শুরু হয়েছে
audit-action-handover-sent = হস্তান্তর পাঠানো হয়েছে
audit-action-handover-acknowledged = হস্তান্তরের প্রাপ্তি স্বীকার
audit-action-handover-accepted = হস্তান্তর গ্রহণ করা হয়েছে
audit-action-handover-declined = হস্তান্তর ফিরিয়ে দেওয়া হয়েছে

## Handover pages
nav-handovers = হস্তান্তর
home-alerts = নজর দেওয়া দরকার
home-followup-missed = কেস { $code }: { $due } তারিখের খোঁজখবর বাদ পড়েছে (লেখা হয়নি)
home-step-overdue = কেস { $code }: প্রত্যাবাসনের ধাপ “{ $step }”-এ দেরি হয়েছে ({ $due }-এর মধ্যে হওয়ার কথা ছিল)
home-network-followups-missed = { $organisation }: { $count ->
    [one] ফেরার পরে { $n }টি খোঁজখবর বাদ পড়েছে
   *[other] ফেরার পরে { $n }টি খোঁজখবর বাদ পড়েছে
}
home-network-steps-overdue = { $organisation }: { $count ->
    [one] প্রত্যাবাসনের { $n }টি ধাপে দেরি হয়েছে
   *[other] প্রত্যাবাসনের { $n }টি ধাপে দেরি হয়েছে
}
handovers-title = হস্তান্তর
handovers-incoming = আমাদের কাছে আসছে
handovers-outgoing = আমরা পাঠিয়েছি
handovers-empty = কিছু নেই।
handover-title = কেস { $code }-এর হস্তান্তর
handover-from = কার কাছ থেকে
handover-to = কার কাছে
handover-other = সংস্থা
handover-state = অবস্থা
handover-when = কবে
handover-reason = কেন
handover-sections = কী কী যাচ্ছে
handover-sent-at = পাঠানো হয়েছে
handover-acknowledged-at = প্রাপ্তি স্বীকার
handover-decided-at = গ্রহণ বা ফিরিয়ে দেওয়া
handover-report = সম্পূর্ণতা
handover-read-what-travels = তার সঙ্গে যা আসছে তা পড়ুন (গ্রহণ না করা পর্যন্ত শুধু পড়া যাবে)
handover-open-case = তার কেসটি খুলুন
handover-score = নম্বর: ১০০-র মধ্যে { $score }
handover-no-gaps = কিছুই বাদ নেই।
handover-gaps-reason = এই ঘাটতি নিয়েও কেন পাঠানো হচ্ছে
handover-jargon = যে শব্দগুলি গ্রহণকারী হয়তো জানেন না
handover-send = হস্তান্তর পাঠান
handover-acknowledge = প্রাপ্তি স্বীকার: এসে পৌঁছেছে
handover-accept = গ্রহণ: আমরা তার কেস নিচ্ছি
handover-decline = ফিরিয়ে দিন
handover-decline-reason = কেন ফিরিয়ে দিচ্ছি
handover-overdue = সময়মতো প্রাপ্তি স্বীকার হয়নি
handover-arrived-alert = { $organisation } থেকে একটি কেস এসেছে: তার সঙ্গে যা এসেছে পড়ুন, আর প্রাপ্তি স্বীকার করুন।
handover-overdue-alert = পাঠানো হয়েছে, কিন্তু সময়মতো প্রাপ্তি স্বীকার হয়নি
handover-start = কেস হস্তান্তর করুন
handover-start-hint = শুধু সেটুকুই যাবে যা ওই সংস্থার জন্য তার সম্মতি অনুমতি দেয়। পাঠানোর আগে সম্পূর্ণতার রিপোর্ট দেখতে পাবেন।

## Follow-up
followup-first-contact = প্রথম যোগাযোগ হয়েছে
followup-family-visit = পরিবারের সঙ্গে দেখা
followup-school-or-work = আবার স্কুলে বা কাজে
followup-outcome = খোঁজখবরের ফল
error-unknown-outcome = খোঁজখবরে কী জানা গেল তা বেছে নিন।
error-followup-done = এই খোঁজখবর আগেই লেখা হয়েছে।
audit-action-follow-up-recorded = খোঁজখবর লেখা হয়েছে

## Repatriation
repatriation-agency-hir-requested = হোম / শিশু কল্যাণ কমিটি (ভারত)
repatriation-agency-hir-received = উৎস এলাকার এনজিও, বাংলাদেশের সমাজকল্যাণ মন্ত্রণালয়ের সঙ্গে
repatriation-agency-nationality-verified = বাংলাদেশ হাইকমিশন / স্বরাষ্ট্র মন্ত্রণালয়
repatriation-agency-repatriation-order = রাজ্যের স্বরাষ্ট্র দপ্তর (ভারত)
repatriation-agency-travel-permit = বাংলাদেশ হাইকমিশন
repatriation-agency-border-handover = সীমান্তে বিএসএফ ও বিজিবি
repatriation-agency-received = উৎস এলাকার এনজিও (বাংলাদেশ)
repatriation-step-hir-requested = বাড়ির তদন্ত রিপোর্ট চাওয়া হয়েছে
repatriation-step-hir-received = বাড়ির তদন্ত রিপোর্ট এসেছে
repatriation-step-nationality-verified = জাতীয়তা যাচাই হয়েছে
repatriation-step-repatriation-order = প্রত্যাবাসনের আদেশ
repatriation-step-travel-permit = ভ্রমণের অনুমতিপত্র
repatriation-step-border-handover = সীমান্তে হস্তান্তর
repatriation-step-received = উৎস এলাকার সংস্থা গ্রহণ করেছে
error-unknown-route = এমন কোনো প্রত্যাবাসনের পথ নেই।
error-repatriation-started = তার প্রত্যাবাসন আগেই শুরু হয়েছে।
audit-action-repatriation-started = প্রত্যাবাসন শুরু হয়েছে
audit-action-repatriation-step-updated = প্রত্যাবাসনের ধাপ লেখা হয়েছে

## Follow-up and repatriation pages
followups-heading = ফেরার পরে খোঁজখবর
followup-missed = বাদ পড়েছে
followup-save = লিখে রাখুন
followup-saved = খোঁজখবর লেখা হয়েছে।
repatriation-heading = প্রত্যাবাসন
repatriation-due = নির্ধারিত
repatriation-done = সম্পন্ন
repatriation-overdue = দেরি হয়েছে
repatriation-preference = তার পছন্দ, তার কথায়
repatriation-save = ধাপটি লিখে রাখুন
repatriation-saved = তার প্রত্যাবাসনের তথ্য হালনাগাদ হয়েছে।
repatriation-start = তার প্রত্যাবাসন শুরু করুন (ভারত → বাংলাদেশ)
