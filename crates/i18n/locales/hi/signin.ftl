# साइन-इन की सीमा और दो-चरण साइन-इन।

signin-wait-seconds = { $count ->
    [one] बहुत अधिक असफल प्रयास हुए हैं। कृपया एक सेकंड प्रतीक्षा करें और फिर से प्रयास करें।
   *[other] बहुत अधिक असफल प्रयास हुए हैं। कृपया { $n } सेकंड प्रतीक्षा करें और फिर से प्रयास करें।
}
signin-code-title = आपका साइन-इन कोड
signin-code-intro = आपका पासवर्ड सही था। अब अपने ऑथेंटिकेटर ऐप में दिख रहा कोड लिखें।
signin-code-label = ऐप का कोड, या एक रिकवरी कोड
signin-code-hint = छह अंकों का कोड। फ़ोन खो गया हो तो अपना एक रिकवरी कोड लिखें।
signin-code-submit = साइन इन करें
signin-code-start-again = फिर से शुरू करें

twofactor-code-wrong = कोड सही नहीं है। ऐप में अभी दिख रहे कोड से फिर से प्रयास करें।
twofactor-already-on = दो-चरण साइन-इन पहले से चालू है।
twofactor-title = दो-चरण साइन-इन
twofactor-link = दो-चरण साइन-इन
twofactor-on = { $count ->
    [one] दो-चरण साइन-इन चालू है। आपके पास एक रिकवरी कोड बचा है।
   *[other] दो-चरण साइन-इन चालू है। आपके पास { $n } रिकवरी कोड बचे हैं।
}
twofactor-off-intro = दो-चरण साइन-इन में पासवर्ड के बाद साथी आपके फ़ोन के ऑथेंटिकेटर ऐप से एक कोड माँगता है। कोई आपका पासवर्ड जान ले, तब भी साइन इन नहीं कर सकता।
twofactor-required = आपकी भूमिका के लिए दो-चरण साइन-इन ज़रूरी है। आगे बढ़ने के लिए इसे अभी चालू करें।
twofactor-start = ऑथेंटिकेटर ऐप चालू करें
twofactor-scan = अपने ऑथेंटिकेटर ऐप से यह QR कोड स्कैन करें (जैसे Aegis, FreeOTP या Google Authenticator)।
twofactor-qr-label = आपके ऑथेंटिकेटर ऐप के लिए QR कोड
twofactor-secret-label = या ऐप में यह कुंजी लिखें:
twofactor-confirm-label = ऐप में अभी दिख रहा छह अंकों का कोड
twofactor-confirm-submit = पुष्टि करें
twofactor-codes-heading = आपके रिकवरी कोड
twofactor-codes-intro = ये दस कोड कागज़ पर लिखकर सुरक्षित रखें। फ़ोन खो जाने पर हर कोड से एक बार साइन इन किया जा सकता है। ये केवल अभी दिखाए जा रहे हैं।
twofactor-codes-done = मैंने इन्हें लिख लिया है
twofactor-lost-phone = फ़ोन और रिकवरी कोड दोनों खो जाएँ तो अपनी निदेशक से दो-चरण साइन-इन रीसेट करने को कहें।
twofactor-roles-title = भूमिका के अनुसार दो-चरण साइन-इन
twofactor-roles-intro = यहाँ चुनी गई भूमिकाओं वाले लोगों को अगली बार साइन इन करते समय, किसी भी पन्ने तक पहुँचने से पहले, दो-चरण साइन-इन चालू करना होगा।
twofactor-roles-submit = सहेजें
twofactor-roles-saved = सहेज लिया गया।
twofactor-status = स्थिति
twofactor-user-on = चालू
twofactor-user-off = बंद
twofactor-reset-intro = अगर उनका फ़ोन खो गया है, तो उनका दो-चरण साइन-इन रीसेट करें। तब वे केवल पासवर्ड से साइन इन कर सकेंगी, और "मेरा खाता" से इसे फिर से चालू करेंगी (उनकी भूमिका के लिए ज़रूरी हो तो तुरंत)।
twofactor-reset-submit = दो-चरण साइन-इन रीसेट करें
twofactor-reset-done = उनका दो-चरण साइन-इन रीसेट कर दिया गया।

audit-action-password-check-failed = पासवर्ड बदलते समय मौजूदा पासवर्ड गलत
audit-action-two-factor-enrolled = दो-चरण साइन-इन चालू किया गया
audit-action-two-factor-failed = दो-चरण कोड गलत
audit-action-two-factor-recovery-used = रिकवरी कोड इस्तेमाल हुआ
audit-action-two-factor-reset = दो-चरण साइन-इन रीसेट किया गया
audit-action-two-factor-roles-set = दो-चरण साइन-इन ज़रूरी भूमिकाएँ बदली गईं
