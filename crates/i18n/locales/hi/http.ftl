# HTTP as the standards say, and packages held to local rules (issue 11).
problem-method-not-allowed-title = यहाँ अनुमति नहीं
problem-method-not-allowed-detail = यह पता इस तरह का अनुरोध नहीं लेता।
problem-body-too-large-detail = जो भेजा गया वह उससे बड़ा है जितना साथी यहाँ लेता है। कुछ भी सहेजा नहीं गया।
problem-bad-encoding-title = फ़ॉर्म पढ़ा नहीं जा सका
problem-bad-encoding-detail = भेजे गए पाठ का कुछ हिस्सा ऐसे रूप में नहीं था जिसे साथी पढ़ सके (वह UTF-8 नहीं था), इसलिए कुछ भी सहेजा नहीं गया। वापस जाकर पाठ देखें और फिर से भेजें।
xlsform-more-problems = { $count ->
    [one] और एक समस्या
   *[other] और { $n } समस्याएँ
}
package-error-value = पैकेज में ऐसा मान है जो यहाँ स्वीकार नहीं है (बहुत लंबा, सीमा से बाहर की तारीख़, या अनजाना विकल्प)। कुछ भी आयात नहीं हुआ।
package-error-voice-exists = इस पैकेज में उसके शब्दों की एक प्रविष्टि इस सर्वर पर पहले से है। कुछ भी आयात नहीं हुआ।
package-error-document-exists = इस पैकेज का एक दस्तावेज़ इस सर्वर पर पहले से है। कुछ भी आयात नहीं हुआ।
package-error-record-exists = इस पैकेज का एक रिकॉर्ड इस सर्वर पर पहले से है। कुछ भी आयात नहीं हुआ।
audit-action-package-refused = हस्तांतरण पैकेज अस्वीकार
resend-detail = आपके भेजे गए पाठ का कुछ हिस्सा पढ़ा नहीं जा सका, इसलिए कुछ भी सहेजा नहीं गया। पाठ नीचे है; जहाँ कोई अक्षर पढ़ा नहीं जा सका वहाँ एक चिह्न (�) है। जाँचकर ठीक करें और फिर से भेजें।
resend-field = आपका पाठ, जितना पढ़ा जा सका
resend-send-again = फिर से भेजें
