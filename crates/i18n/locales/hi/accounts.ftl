# Accounts: the survivor role alone, passwords, language preference (issue 11).
error-password-too-long = पासवर्ड अधिक से अधिक 1,024 अक्षरों का हो सकता है।
error-password-contains-organisation = पासवर्ड में आपकी संस्था का नाम नहीं होना चाहिए।
error-password-is-demo = डेमो का पासवर्ड सब जानते हैं। कोई दूसरा पासवर्ड चुनें।
error-survivor-with-other-roles = सर्वाइवर के अपने खाते में कोई दूसरी भूमिका नहीं हो सकती। कर्मचारी के काम के लिए अलग खाता बनाएँ।
sign-in-split-account = इस खाते में सर्वाइवर की भूमिका के साथ कर्मचारी की भूमिका भी है, जिसकी अब अनुमति नहीं है। अपने निदेशक या नेटवर्क प्रशासक से इसे दो अलग खातों में बाँटने को कहें, फिर दोबारा साइन इन करें।
account-password-must-change = आपका पासवर्ड अब साथी के नियमों पर खरा नहीं उतरता: वह बहुत आम है, उसमें आपका उपयोगकर्ता नाम या संस्था का नाम है, या वह डेमो का पासवर्ड है। आगे बढ़ने के लिए नया पासवर्ड चुनें।
account-language-save-label = मेरी भाषा के रूप में सहेजें
account-language-save = सहेजें
account-language-saved = आपकी भाषा सहेज ली गई है।
