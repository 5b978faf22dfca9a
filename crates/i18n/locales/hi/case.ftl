# केस का पन्ना: फ़ोन की स्क्रीन में समाने वाला सारांश, और उसके रिकॉर्ड के हर हिस्से का अलग पन्ना।
case-summary-heading = सारांश
case-back = केस पर वापस जाएँ
case-carried-by = केस किसकी ज़िम्मेदारी में है
case-next-due = आगे क्या करना है
case-due-none = अभी कुछ बाक़ी नहीं
case-due-past = तारीख़ निकल गई
case-due-followup = फ़ॉलो-अप
case-due-review = उसके साथ योजना की समीक्षा
case-due-target = योजना का एक लक्ष्य
case-plan-state = उसकी योजना
case-plan-none = अभी कोई योजना नहीं
case-plan-awaiting = मंज़ूरी का इंतज़ार
case-plan-approved = मंज़ूर
case-plan-changed = मंज़ूरी के बाद बदली गई
case-alerts = जो समय पर नहीं हुआ
case-alert-followups-missed = { $count ->
    [one] { $n } फ़ॉलो-अप छूट गया
   *[other] { $n } फ़ॉलो-अप छूट गए
}
case-alert-steps-overdue = { $count ->
    [one] वापसी का { $n } क़दम समय से पीछे है
   *[other] वापसी के { $n } क़दम समय से पीछे हैं
}
case-alert-review-overdue = उसके साथ योजना की समीक्षा का समय हो गया है
case-alert-handover-late = उसके केस के एक हस्तांतरण की प्राप्ति समय पर स्वीकार नहीं हुई
case-alert-targets-past = { $count ->
    [one] योजना के { $n } लक्ष्य की तारीख़ निकल गई
   *[other] योजना के { $n } लक्ष्यों की तारीख़ निकल गई
}
case-sections = उसका रिकॉर्ड
case-handovers-heading = उसका केस सौंपना
case-handovers-none = उसका केस अभी किसी को सौंपा नहीं गया है।
plan-goal-saved = लक्ष्य उसकी योजना में जोड़ दिया गया है।
plan-action-saved = काम उसकी योजना में जोड़ दिया गया है।
plan-status-saved = लक्ष्य की स्थिति बदल दी गई है।
plan-review-saved = उसके साथ समीक्षा दर्ज कर दी गई है।
plan-approved-saved = उसकी योजना का यह संस्करण अब मंज़ूर है।
plan-log-decision = उसकी योजना के बारे में निर्णय दर्ज करें
plan-target-past = तारीख़ निकल गई
