# दूसरे सर्वर के साथ हस्तांतरण पैकेज।
audit-action-org-keys-created = संस्था की पैकेज कुंजियाँ बनाई गईं
audit-action-org-identity-shown = संस्था की गुप्त पैकेज कुंजी छापी गई
audit-action-org-trusted = दूसरे सर्वर की संस्था को विश्वसनीय सूची में जोड़ा गया
audit-action-package-exported = हस्तांतरण पैकेज निर्यात हुआ
audit-action-package-imported = हस्तांतरण पैकेज आयात हुआ

package-error-not-a-package = यह फ़ाइल साथी का हस्तांतरण पैकेज नहीं है।
package-error-damaged = पैकेज खराब या अधूरा है। भेजने वाले से दोबारा निर्यात करने को कहें।
package-error-not-for-us = यह पैकेज आपकी संस्था के नाम नहीं भेजा गया है।
package-error-malformed = पैकेज की भीतरी बनावट सही नहीं है।
package-error-unknown-version = यह पैकेज साथी के नए संस्करण से बना है। साथी को अद्यतन करवाएँ।
package-error-bad-signature = हस्ताक्षर के बाद पैकेज बदला गया है, या किसी दूसरी कुंजी से हस्ताक्षरित है। कुछ भी आयात नहीं हुआ।
package-error-unknown-sender = भेजने वाली संस्था आपकी सूची में नहीं है। पहले उसकी कुंजियों पर भरोसा दर्ज करें।
package-error-wrong-addressee = यह पैकेज किसी दूसरी संस्था के नाम भेजा गया है।
package-error-key = एक कुंजी मान्य नहीं है।
package-error-seal = पैकेज नहीं बन सका।
package-error-replay = यह पैकेज पहले ही आयात हो चुका है। कुछ नहीं बदला।
package-error-remote-org = यह संस्था दूसरे साथी सर्वर पर काम करती है।
package-error-key-changed = यह संस्था पहले से दूसरी कुंजियों के साथ विश्वसनीय है। बदलने से पहले उनसे बात करें।
package-error-own-org = यह इसी सर्वर की एक संस्था है।
package-error-not-ready = केवल भेजा गया हस्तांतरण, या पैकेज में आए हस्तांतरण का उत्तर, निर्यात किया जा सकता है।
package-error-no-keys = प्राप्त करने वाली संस्था की कुंजियाँ सूची में नहीं हैं।
package-error-same-server = प्राप्त करने वाली संस्था इसी सर्वर पर है: हस्तांतरण बिना पैकेज के पहुँचता है।
package-error-no-file = पैकेज फ़ाइल चुनें।

package-download = हस्तांतरण पैकेज डाउनलोड करें
package-download-answer = भेजने वाले के लिए उत्तर डाउनलोड करें
package-download-help = प्राप्त करने वाली संस्था दूसरे साथी सर्वर पर काम करती है। फ़ाइल किसी भी तरह भेजें: केवल वही इसे खोल सकते हैं।
package-import-title = हस्तांतरण पैकेज आयात करें
package-import-help = दूसरे साथी सर्वर की किसी संस्था से आया केस या उत्तर। कुछ भी सहेजने से पहले फ़ाइल जाँची जाती है।
package-import-again = कृपया फ़ाइल फिर से चुनें।
package-file = पैकेज फ़ाइल
package-import = आयात करें
