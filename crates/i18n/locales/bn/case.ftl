# কেসের পাতা: ফোনের পর্দায় ধরে এমন সারাংশ, আর তার নথির প্রতিটি অংশের আলাদা পাতা।
case-summary-heading = সারাংশ
case-back = কেসে ফিরে যান
case-carried-by = কেসটি কার দায়িত্বে
case-next-due = এরপর যা করার
case-due-none = এখন কিছু বাকি নেই
case-due-past = তারিখ পেরিয়ে গেছে
case-due-followup = খোঁজখবর
case-due-review = তার সঙ্গে পরিকল্পনা পর্যালোচনা
case-due-target = পরিকল্পনার একটি লক্ষ্য
case-plan-state = তার পরিকল্পনা
case-plan-none = এখনও পরিকল্পনা নেই
case-plan-awaiting = অনুমোদনের অপেক্ষায়
case-plan-approved = অনুমোদিত
case-plan-changed = অনুমোদনের পরে বদলানো হয়েছে
case-alerts = যা সময়মতো হয়নি
case-alert-followups-missed = { $count ->
    [one] { $n }টি খোঁজখবর বাদ পড়েছে
   *[other] { $n }টি খোঁজখবর বাদ পড়েছে
}
case-alert-steps-overdue = { $count ->
    [one] প্রত্যাবাসনের { $n }টি ধাপের সময় পেরিয়ে গেছে
   *[other] প্রত্যাবাসনের { $n }টি ধাপের সময় পেরিয়ে গেছে
}
case-alert-review-overdue = তার সঙ্গে পরিকল্পনা পর্যালোচনার সময় হয়েছে
case-alert-handover-late = তার কেসের একটি হস্তান্তর সময়মতো প্রাপ্তি স্বীকার হয়নি
case-alert-targets-past = { $count ->
    [one] পরিকল্পনার { $n }টি লক্ষ্যের তারিখ পেরিয়ে গেছে
   *[other] পরিকল্পনার { $n }টি লক্ষ্যের তারিখ পেরিয়ে গেছে
}
case-sections = তার নথি
case-handovers-heading = তার কেস হস্তান্তর
case-handovers-none = তার কেস এখনও হস্তান্তর হয়নি।
plan-goal-saved = লক্ষ্যটি তার পরিকল্পনায় যোগ করা হয়েছে।
plan-action-saved = কাজটি তার পরিকল্পনায় যোগ করা হয়েছে।
plan-status-saved = লক্ষ্যের অবস্থা বদলানো হয়েছে।
plan-review-saved = তার সঙ্গে পর্যালোচনা লেখা হয়েছে।
plan-approved-saved = তার পরিকল্পনার এই সংস্করণ এখন অনুমোদিত।
plan-log-decision = তার পরিকল্পনা নিয়ে সিদ্ধান্তটি লিখুন
plan-target-past = তারিখ পেরিয়ে গেছে
