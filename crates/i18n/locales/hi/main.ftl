# साथी — हिंदी इंटरफ़ेस पाठ। संदेश आईडी पेज के अनुसार समूहित हैं, kebab-case में।
# यहाँ की हर आईडी en/main.ftl और bn/main.ftl में भी होनी चाहिए (एक परीक्षण जाँचता है)।

app-name = साथी
app-tagline = देखभाल की निरंतरता, उसके साथ

## नेविगेशन और लेआउट
nav-home = मुख्य पृष्ठ
nav-organisations = संगठन
nav-users = उपयोगकर्ता
nav-audit = ऑडिट रिकॉर्ड
nav-account = मेरा खाता
nav-language = भाषा
nav-sign-out = साइन आउट करें
nav-skip = सामग्री पर जाएँ
nav-main = मुख्य मेनू
nav-menu = मेनू
signed-in-as = { $name } के रूप में साइन इन हैं

## साइन इन
sign-in-title = साइन इन
sign-in-username = उपयोगकर्ता नाम
sign-in-password = पासवर्ड
sign-in-submit = साइन इन करें
sign-in-failed = उपयोगकर्ता नाम या पासवर्ड सही नहीं है। कृपया फिर से प्रयास करें।
sign-in-throttled = बहुत अधिक असफल प्रयास हुए हैं। कृपया { $minutes } मिनट प्रतीक्षा करें और फिर से प्रयास करें।
sign-in-signed-out = आपने साइन आउट कर लिया है।
sign-in-intro = जब कोई सर्वाइवर एक संगठन से दूसरे संगठन में जाती है, तब साथी उसकी देखभाल को एक साथ जोड़े रखता है।

## मुख्य पृष्ठ
home-title = मुख्य पृष्ठ
home-welcome = स्वागत है, { $name }
home-organisation = आपका संगठन: { $organisation }
home-roles = आपकी भूमिकाएँ: { $roles }
home-admin-heading = नेटवर्क
home-admin-organisations = { $count ->
    [one] { $n } संगठन
   *[other] { $n } संगठन
}
home-director-heading = आपका संगठन
home-cases-heading = केस
home-cases-empty = अभी तक आपको कोई मामला नहीं सौंपा गया है।
home-training-heading = प्रशिक्षण कार्यक्रम
home-training-empty = अभी तक कोई कार्यशाला निर्धारित नहीं है।
home-survivor-heading = आपका रिकॉर्ड
home-survivor-empty = आपकी योजना और आपके अपने शब्द यहाँ दिखाई देंगे।

## खाता
account-title = मेरा खाता
account-language = इंटरफ़ेस की भाषा
account-password-heading = पासवर्ड बदलें
account-password-current = वर्तमान पासवर्ड
account-password-new = नया पासवर्ड
account-password-hint = कम से कम 12 अक्षर। एक छोटा वाक्य याद रखने में आसान और अनुमान लगाने में कठिन होता है।
account-password-submit = पासवर्ड बदलें
account-password-changed = आपका पासवर्ड बदल दिया गया है। कृपया फिर से साइन इन करें।
account-password-wrong = वर्तमान पासवर्ड सही नहीं है।

## संगठन
organisations-title = संगठन
organisations-empty = अभी तक कोई संगठन नहीं है।
organisations-add = संगठन जोड़ें
organisation-new-title = नया संगठन
organisation-edit-title = संगठन संपादित करें
organisation-name = नाम
organisation-kind = प्रकार
organisation-country = देश (दो अक्षरों का कोड)
organisation-district = ज़िला
organisation-languages = कामकाज की भाषाएँ
organisation-save = सहेजें
organisation-created = संगठन जोड़ दिया गया है।
organisation-updated = संगठन सहेज दिया गया है।
organisation-conflict = जब आप संपादन कर रहे थे, तब किसी और ने इस संगठन में बदलाव किया। वर्तमान संस्करण नीचे दिखाया गया है; आपके बदलाव फ़ॉर्म में सुरक्षित हैं। उसे बदलने के लिए फिर से सहेजें।
organisation-current-version = वर्तमान संस्करण
organisation-users-link = इस संगठन के उपयोगकर्ता

## संगठन के प्रकार
org-kind-destination = गंतव्य संगठन
org-kind-transit = ट्रांज़िट आश्रय गृह
org-kind-source = स्रोत-क्षेत्र संगठन
org-kind-community = समुदाय-आधारित संगठन

## उपयोगकर्ता
users-title = { $organisation } के उपयोगकर्ता
users-empty = इस संगठन में अभी तक कोई उपयोगकर्ता नहीं है।
users-add = उपयोगकर्ता जोड़ें
users-count = { $count ->
    [one] { $n } उपयोगकर्ता
   *[other] { $n } उपयोगकर्ता
}
user-new-title = नया उपयोगकर्ता
user-edit-title = उपयोगकर्ता संपादित करें
user-username = उपयोगकर्ता नाम
user-display-name = दूसरों को दिखने वाला नाम
user-roles = भूमिकाएँ
user-language = पसंदीदा भाषा
user-password = पासवर्ड
user-active = खाता सक्रिय
user-inactive = निष्क्रिय
user-save = सहेजें
user-created = उपयोगकर्ता जोड़ दिया गया है।
user-updated = उपयोगकर्ता सहेज दिया गया है।
user-conflict = जब आप संपादन कर रहे थे, तब किसी और ने इस उपयोगकर्ता में बदलाव किया। वर्तमान जानकारी देखें और फिर से सहेजें।

## भूमिकाएँ
role-network-admin = नेटवर्क प्रशासक
role-director = निदेशक
role-case-worker = केस वर्कर
role-counsellor = काउंसलर
role-care-giver = देखभालकर्ता
role-trainer = प्रशिक्षक
role-survivor = सर्वाइवर

## ऑडिट रिकॉर्ड
audit-title = ऑडिट रिकॉर्ड
audit-case = केस { $code }
audit-older = और पुरानी प्रविष्टियाँ
audit-newest = सबसे नई प्रविष्टियाँ
audit-empty = अभी तक कुछ भी दर्ज नहीं किया गया है।
audit-when = कब
audit-who = किसने
audit-what = क्या
audit-subject = किसके बारे में
audit-source = कहाँ से
audit-action-sign-in = साइन इन किया
audit-action-sign-in-failed = साइन इन असफल
audit-action-sign-in-throttled = बार-बार असफल होने के बाद साइन इन रोका गया
audit-action-sign-out = साइन आउट किया
audit-action-organisation-created = संगठन जोड़ा गया
audit-action-organisation-updated = संगठन में बदलाव किया गया
audit-action-user-created = उपयोगकर्ता जोड़ा गया
audit-action-user-updated = उपयोगकर्ता में बदलाव किया गया
audit-action-password-changed = पासवर्ड बदला गया
audit-action-token-created = API टोकन बनाया गया
audit-action-token-revoked = API टोकन रद्द किया गया
audit-action-demo-loaded = डेमो नेटवर्क लोड किया गया

## फ़ील्ड की त्रुटियाँ
error-required = यह फ़ील्ड आवश्यक है।
error-invalid-id = यह मान्य आईडी नहीं है।
error-unknown-language = बांग्ला, हिंदी या अंग्रेज़ी चुनें।
error-unknown-role = सूची में से एक भूमिका चुनें।
error-unknown-org-kind = गंतव्य, ट्रांज़िट, स्रोत या समुदाय में से चुनें।
error-invalid-country = दो अक्षरों का देश कोड लिखें, जैसे IN, BD या NP।
error-empty-org-name = संगठन का नाम लिखें।
error-org-name-too-long = नाम अधिकतम 200 अक्षरों का हो सकता है।
error-district-too-long = ज़िला अधिकतम 100 अक्षरों का हो सकता है।
error-invalid-username = उपयोगकर्ता नाम में 3 से 64 अक्षर होते हैं: अंग्रेज़ी के छोटे अक्षर, अंक, बिंदु, हाइफ़न या अंडरस्कोर।
error-display-name-too-long = नाम अधिकतम 120 अक्षरों का हो सकता है।
error-no-roles = कम से कम एक भूमिका चुनें।
error-password-too-short = पासवर्ड कम से कम 12 अक्षरों का होना चाहिए।
error-password-too-common = यह पासवर्ड बहुत आम है। कोई लंबा और कम अनुमान योग्य पासवर्ड चुनें।
error-password-contains-username = पासवर्ड में उपयोगकर्ता नाम नहीं होना चाहिए।
error-duplicate-username = यह उपयोगकर्ता नाम पहले से लिया जा चुका है।
error-duplicate-organisation = इस नाम का संगठन पहले से मौजूद है।
error-database-url = डेटाबेस का पता मान्य नहीं है।
error-conflict = इस बीच किसी और ने इस रिकॉर्ड में बदलाव किया।
error-not-found = नहीं मिला।
error-internal = हमारी ओर से कुछ गड़बड़ हो गई।

## अस्वीकृतियाँ
forbidden-role = आपकी भूमिका इसकी अनुमति नहीं देती।
forbidden-other-organisation = यह किसी दूसरे संगठन से संबंधित है।

## समस्याएँ (त्रुटि पृष्ठ और API त्रुटियाँ)
problem-sign-in-required-title = साइन इन आवश्यक है
problem-sign-in-required-detail = जारी रखने के लिए कृपया साइन इन करें।
problem-forbidden-title = अनुमति नहीं है
problem-csrf-failed-title = फ़ॉर्म की समय-सीमा समाप्त हो गई है
problem-csrf-failed-detail = यह फ़ॉर्म बहुत देर तक खुला रहा या कहीं और से आया। कृपया वापस जाएँ, पृष्ठ फिर से लोड करें और फिर से प्रयास करें।
problem-not-found-title = नहीं मिला
problem-not-found-detail = इस पते पर कुछ नहीं है।
problem-malformed-title = अनुरोध पढ़ा नहीं जा सका
problem-malformed-detail = अनुरोध अपेक्षित रूप में नहीं था।
problem-invalid-title = कुछ फ़ील्ड पर ध्यान देना आवश्यक है
problem-invalid-detail = कृपया सूचीबद्ध फ़ील्ड ठीक करें।
problem-duplicate-title = पहले से मौजूद है
problem-precondition-failed-title = इस बीच बदल दिया गया
problem-precondition-failed-detail = आपके पढ़ने के बाद रिकॉर्ड बदल दिया गया। इसे फिर से पढ़ें और अपना बदलाव दोहराएँ।
problem-precondition-required-title = संस्करण आवश्यक है
problem-precondition-required-detail = आपने जो ETag पढ़ा है, उसके साथ If-Match हेडर भेजें, ताकि किसी का बदलाव मिट न जाए।
problem-throttled-title = बहुत अधिक प्रयास
problem-throttled-detail = बहुत अधिक असफल साइन इन प्रयास। कृपया प्रतीक्षा करें और फिर से प्रयास करें।
problem-internal-title = कुछ गड़बड़ हो गई
problem-internal-detail = हमारी ओर से कुछ गड़बड़ हो गई। आपकी जानकारी सहेजी नहीं गई; कृपया फिर से प्रयास करें।
problem-back-home = मुख्य पृष्ठ पर वापस जाएँ

## केस
nav-cases = केस
home-cases-all = आपके संगठन के सभी केस
home-my-cases = { $count ->
    [one] आपकी ज़िम्मेदारी में { $n } केस
   *[other] आपकी ज़िम्मेदारी में { $n } केस
}
cases-title = केस
cases-search = उसके शब्दों में खोजें
cases-search-hint = खोज आपको सौंपे गए केसों में दर्ज शब्दों में होती है। शब्द का पहला हिस्सा काफ़ी है: “स्कूल” लिखने पर “स्कूलों” भी मिलेगा।
cases-any-stage = कोई भी चरण
cases-mine = केवल मुझे सौंपे गए केस
cases-code-filter = केस कोड की शुरुआत
cases-opened-from = इस दिन या इसके बाद खोला गया
cases-opened-to = इस दिन या इससे पहले खोला गया
cases-filter = दिखाएँ
cases-none-found = आपको सौंपे गए किसी केस में ये शब्द नहीं हैं।
cases-empty = दिखाने के लिए कोई केस नहीं है।
cases-assigned-to-me = मुझे सौंपा गया
case-code = केस कोड
case-stage = चरण
case-opened = खोलने की तारीख़
case-new-title = नया केस खोलें
case-new-intro = उसका नाम, परिवार और पता केस से अलग रखे जाते हैं और केवल उसे सौंपे गए कर्मचारी ही देख सकते हैं। बाकी हर जगह उसे उसके केस कोड से जाना जाता है।
case-open = केस खोलें
case-title = केस { $code }
case-created = केस खोल दिया गया है। यह आपको सौंपा गया है।
case-conflict = जब आप काम कर रही थीं, किसी और ने यह केस बदल दिया। पेज पर अभी की स्थिति दिखाई गई है; आपका लिखा कारण फ़ॉर्म में सुरक्षित है।
case-summary-only = आप इस केस का सारांश देख रही हैं। उसके शब्द और उसकी यात्रा केवल उसे सौंपे गए कर्मचारी देखते हैं।

## पहचान वाला हिस्सा
identity-name = उसका नाम
identity-family = परिवार
identity-address = पता
identity-open = पहचान वाला हिस्सा खोलें (यह दर्ज होता है)
identity-title = केस { $code } की पहचान
identity-recorded = इस बार खोलना ऑडिट रिकॉर्ड में दर्ज कर लिया गया है।
identity-back = केस पर वापस जाएँ

## उसकी बात
voice-heading = उसकी बात
voice-empty = अभी तक उसके अपने शब्दों में कुछ दर्ज नहीं है। उससे पूछिए कि वह किस बात की उम्मीद करती है, किससे डरती है और क्या चाहती है।
voice-corrected = सुधारा गया
voice-read-back = उसे पढ़कर सुनाया गया
voice-not-read-back = अभी उसे पढ़कर नहीं सुनाया गया
voice-add = उसके शब्द दर्ज करें
voice-kind = प्रकार
voice-text = उसके शब्द
voice-text-hint = उसने जैसे कहा, जिस भाषा में कहा, वैसे ही लिखिए।
voice-language = जिस भाषा में उसने कहा
voice-spoken-on = उसने कब कहा
voice-read-back-check = मैंने यह उसे पढ़कर सुनाया और उसने माना कि उसने यही कहा था
voice-save = उसके शब्द सहेजें
voice-saved = उसके शब्द सहेज लिए गए हैं।
voice-meta = कहने की तारीख़ और दर्ज करने वाली: { $when }
voice-kind-hope = उम्मीद
voice-kind-fear = डर
voice-kind-plan = योजना
voice-kind-preference = पसंद
voice-kind-feedback = राय

## यात्रा
journey-heading = यात्रा
journey-empty = केस अभी किसी दूसरे चरण में नहीं गया है।
stage-change = चरण बदलें
stage-to = नया चरण
stage-reason = क्यों
stage-save = चरण बदलें
stage-saved = चरण बदल दिया गया है।
stage-identified = पहचानी गई
stage-in-care = देखभाल में
stage-preparing-return = वापसी की तैयारी
stage-in-transit = रास्ते में
stage-returned = लौट गई
stage-reintegrating = फिर से घुल-मिल रही है
stage-follow-up = आगे की ख़बर
stage-closed = बंद

## केस की ग़लतियाँ
error-unknown-stage = सूची से एक चरण चुनें।
error-stage-unchanged = केस पहले से इसी चरण में है।
error-stage-skipped = केस एक बार में एक ही चरण आगे या पीछे जाता है। अगला या पिछला चरण चुनें।
error-case-closed = यह केस बंद है।
error-reason-required = कारण लिखें।
error-unknown-voice-kind = उम्मीद, डर, योजना, पसंद या राय चुनें।
error-empty-text = उसने जो कहा वह लिखें।
error-text-too-long = लिखा हुआ बहुत लंबा है।
error-invalid-date = तारीख़ 2026-11-29 की तरह लिखें।
error-date-in-future = यह तारीख़ भविष्य की है।
error-date-before-case = यह तारीख़ केस खुलने से पहले की है।
error-invalid-case-code = यह कोई केस कोड नहीं है।
forbidden-not-assigned = यह केवल इस केस को सौंपे गए कर्मचारी कर सकते हैं।
audit-action-case-created = केस खोला गया
audit-action-case-stage-changed = केस का चरण बदला गया
audit-action-case-viewed = केस पढ़ा गया
audit-action-identity-opened = पहचान वाला हिस्सा खोला गया
audit-action-voice-recorded = उसके शब्द दर्ज किए गए
audit-action-voice-corrected = उसके शब्द सुधारे गए

## निर्णयों का रिकॉर्ड
decisions-heading = निर्णय
decisions-empty = अभी तक कोई निर्णय दर्ज नहीं हुआ है।
decision-add = एक निर्णय दर्ज करें
decision-topic = विषय
decision-topic-general = उसकी देखभाल के बारे में एक निर्णय
decision-topic-plan = केस योजना की मंज़ूरी
decision-topic-closure = केस बंद करना
decision-what = क्या निर्णय हुआ
decision-decided-by = निर्णय किसने लिया
decision-options = उसे कौन-से विकल्प दिए गए
decision-options-hint = हर पंक्ति में एक विकल्प।
decision-her-choice = उसने क्या चुना
decision-participation = निर्णय में उसकी भागीदारी
decision-her-view = उसकी राय, उसके अपने शब्दों में
decision-absent-reason = वह भाग क्यों नहीं ले सकी
decision-save = निर्णय दर्ज करें
decision-saved = निर्णय दर्ज कर लिया गया है।
participation-decided-with-her = उसके साथ मिलकर लिया गया
participation-consulted = उसकी राय ली गई
participation-informed = उसे बाद में बताया गया
participation-absent = वह भाग नहीं ले सकी
error-unknown-participation = चुनें कि उसने कितना भाग लिया।
error-participation-required = बताइए कि निर्णय में उसने कितना भाग लिया।
error-unknown-decision-topic = चुनें कि निर्णय किस बारे में है।
error-closure-needs-decision = केस बंद करने के लिए पहले केस बंद करने के बारे में एक निर्णय दर्ज होना चाहिए — उसकी भागीदारी के साथ, या यह बताते हुए कि वह भाग क्यों नहीं ले सकी।
audit-action-decision-logged = निर्णय दर्ज किया गया

## सहमति
consents-heading = उसकी सहमतियाँ
consents-empty = अभी तक कोई सहमति दर्ज नहीं हुई है।
consent-add = एक सहमति दर्ज करें
consent-purpose = वह किस बात के लिए सहमत है
consent-section = उसके रिकॉर्ड का कौन-सा हिस्सा (साझा करने के लिए)
consent-organisation = किस संगठन के साथ
consent-explained-how = उसे कैसे समझाया गया
consent-explained-in = किस भाषा में समझाया गया
consent-explained-by = किसने समझाया
consent-expires-on = आख़िरी दिन (ख़त्म न हो तो ख़ाली छोड़ें)
consent-save = सहमति दर्ज करें
consent-saved = सहमति दर्ज कर ली गई है।
consent-revoke = वापस लें
consent-revoke-reason = क्यों
consent-revoked-notice = सहमति वापस ले ली गई है। अब से यह किसी बात पर लागू नहीं होती।
consent-active = लागू
consent-active-until = { $date } तक लागू
consent-revoked = वापस ली गई
consent-expired = समय पूरा हुआ
purpose-services = सेवाएँ लेना
purpose-sharing = उसके रिकॉर्ड का एक हिस्सा साझा करना
purpose-follow-up-updates = भेजने वाले संगठन को आगे की ख़बर देना
purpose-statistics = बिना नाम के आँकड़ों में गिना जाना
section-legal = क़ानूनी
section-health = स्वास्थ्य
section-psychosocial = मनो-सामाजिक
section-identity = पहचान
section-voice = उसकी बात, योजना और निर्णय
section-other = अन्य
error-unknown-purpose = चुनें कि वह किस बात के लिए सहमत है।
error-unknown-section = सूची से उसके रिकॉर्ड का एक हिस्सा चुनें।
error-organisation-required = संगठन का नाम दें।
error-section-required = चुनें कि उसके रिकॉर्ड का कौन-सा हिस्सा साझा हो सकता है।
error-date-in-past = यह तारीख़ बीत चुकी है।
error-no-consent = कोई लागू सहमति इसकी अनुमति नहीं देती। पहले उससे पूछें और उसकी सहमति दर्ज करें।
error-already-revoked = यह सहमति पहले ही वापस ली जा चुकी है।
error-unknown-organisation = यह संगठन सूची में नहीं है।
audit-action-consent-recorded = सहमति दर्ज की गई
audit-action-consent-revoked = सहमति वापस ली गई

## उसका रिकॉर्ड किसने पढ़ा
readers-heading = उसका रिकॉर्ड किसने पढ़ा
readers-hint = उसका रिकॉर्ड और उसकी पहचान जितनी बार भी पढ़ी गई, सब यहाँ दर्ज है: कौन-सा संगठन, किस तरह का कर्मचारी, और कब। वह चाहे तो यह सूची देख सकती है।
readers-organisation = संगठन
readers-day = दिन
readers-what = क्या पढ़ा गया
readers-times = कितनी बार
readers-record = उसका रिकॉर्ड
readers-identity = उसकी पहचान

## केस योजना
plan-link = उसकी केस योजना
plan-title = { $code } की केस योजना
plan-print = छापने लायक़ रूप
plan-empty = योजना में अभी कोई लक्ष्य नहीं है। वह अपने लिए क्या चाहती है, वहीं से शुरू करें।
plan-status = स्थिति
plan-status-save = स्थिति बदलें
plan-add-goal = एक लक्ष्य जोड़ें
plan-domain = जीवन का कौन-सा पहलू
plan-goal = लक्ष्य
plan-set-by = किसने तय किया
plan-target = लक्ष्य की तारीख़
plan-target-on = { $date } तक
plan-add-action = एक काम जोड़ें
plan-action = काम
plan-responsible = ज़िम्मेदार संगठन
plan-review = उसके साथ योजना की समीक्षा
plan-agreement = क्या वह योजना से सहमत है?
plan-her-words = वह इसके बारे में क्या कहती है, उसके अपने शब्दों में
plan-review-notes = समीक्षा के नोट
plan-review-save = समीक्षा दर्ज करें
plan-approve = योजना के इस संस्करण को मंज़ूरी दें
plan-reviews = उसके साथ समीक्षाएँ
plan-reviews-empty = अभी तक उसके साथ योजना की समीक्षा नहीं हुई है।
plan-approved-current = योजना का यह संस्करण मंज़ूर है।
plan-approved-older = पहले का एक संस्करण मंज़ूर हुआ था; यह अभी नहीं हुआ।
plan-not-approved = योजना अभी मंज़ूर नहीं हुई है।
plan-conflict = जब आप काम कर रही थीं, किसी और ने योजना बदल दी। नीचे नई योजना दिखाई गई है; आपका बदलाव फ़ॉर्म में सुरक्षित है — दोनों को देखकर ज़रूरत हो तो फिर से सहेजें।
goal-domain-safety = सुरक्षा
goal-domain-health = स्वास्थ्य
goal-domain-wellbeing = मानसिक स्वास्थ्य
goal-domain-family = परिवार और समुदाय
goal-domain-livelihood = पढ़ाई और रोज़गार
goal-domain-justice = उसकी अपनी नज़र में न्याय
set-by-her = उसने ख़ुद तय किया
set-by-team = टीम ने तय किया
set-by-order = अदालत या पुलिस के आदेश से
goal-status-open = शुरू नहीं हुआ
goal-status-in-progress = चल रहा है
goal-status-achieved = पूरा हुआ
goal-status-dropped = छोड़ दिया गया
agreement-agreed = वह सहमत है
agreement-partly = वह कुछ हद तक सहमत है
agreement-disagreed = वह सहमत नहीं है
error-unknown-goal-domain = सूची से उसके जीवन का एक पहलू चुनें।
error-unknown-set-by = बताइए किसने तय किया: उसने ख़ुद, टीम ने, या अदालत या पुलिस के आदेश से।
error-unknown-goal-status = सूची से एक स्थिति चुनें।
error-unknown-agreement = बताइए कि वह सहमत है, कुछ हद तक सहमत है या सहमत नहीं है।
error-too-many-goals = योजना में बहुत ज़्यादा लक्ष्य हो गए हैं।
error-plan-needs-decision = योजना को मंज़ूरी देने से पहले योजना के बारे में एक निर्णय दर्ज होना चाहिए — उसकी भागीदारी के साथ, या यह बताते हुए कि वह भाग क्यों नहीं ले सकी।
audit-action-plan-saved = केस योजना सहेजी गई
audit-action-plan-approved = केस योजना मंज़ूर हुई
audit-action-plan-reviewed = उसके साथ केस योजना की समीक्षा हुई

## नोट
notes-heading = नोट
notes-empty = अभी तक कोई नोट नहीं है।
note-add = एक नोट लिखें
note-kind = नोट का प्रकार
note-text = नोट
note-response = क्या कदम उठाया गया (केवल घटना के लिए)
note-response-text = क्या किया गया
note-save = नोट सहेजें
note-saved = नोट सहेज लिया गया है।
note-kind-case = केस नोट
note-kind-psychosocial = मनो-सामाजिक नोट (केवल काउंसलर के लिए)
note-kind-daily = रोज़ की देखभाल का नोट
note-kind-incident = आश्रय गृह में हुई घटना
response-positive = सकारात्मक अनुशासन
response-punitive = दंडात्मक कार्रवाई
error-unknown-note-kind = सूची से नोट का प्रकार चुनें।
error-unknown-response = सकारात्मक अनुशासन या दंडात्मक कार्रवाई चुनें।
error-response-required = बताइए कि क्या कदम उठाया गया।
audit-action-note-written = नोट लिखा गया

## दस्तावेज़
documents-heading = दस्तावेज़
documents-empty = कोई दस्तावेज़ जुड़ा नहीं है।
document-section = उसके रिकॉर्ड का कौन-सा हिस्सा
document-file = फ़ाइल
document-hint = काग़ज़ हो तो PDF, JPEG या PNG (ज़्यादा से ज़्यादा 10 MB), फ़ोन की रिकॉर्डिंग हो तो MP3, M4A, OGG/Opus, AMR या WebM (ज़्यादा से ज़्यादा 25 MB)। दस्तावेज़ खोलना दर्ज होता है।
document-save = जोड़ें
document-saved = दस्तावेज़ जोड़ दिया गया है।
error-empty-file = फ़ाइल ख़ाली है।
error-file-too-large = फ़ाइल बहुत बड़ी है: काग़ज़ ज़्यादा से ज़्यादा 10 MB, रिकॉर्डिंग 25 MB। कम रिज़ॉल्यूशन पर स्कैन करें, या हिस्सों में बाँटें।
error-file-type = केवल PDF, JPEG और PNG काग़ज़ और MP3, M4A, OGG, AMR या WebM रिकॉर्डिंग जोड़ी जा सकती हैं।
problem-too-large-title = बहुत बड़ी
problem-too-large-detail = फ़ाइल उससे बड़ी है जितनी साथी लेता है (काग़ज़ 10 MB, रिकॉर्डिंग 25 MB)। कुछ भी सहेजा नहीं गया।
audit-action-document-added = दस्तावेज़ जोड़ा गया
audit-action-document-opened = दस्तावेज़ खोला गया

cases-overdue = योजना की समीक्षा बाक़ी (90 दिन से उसके साथ समीक्षा नहीं हुई)

voice-correct = लिखे हुए को सुधारें
voice-correct-save = सुधार सहेजें (पहले के शब्द भी सुरक्षित रहेंगे)
voice-conflict = जब आप लिख रही थीं, किसी और ने यह प्रविष्टि सुधार दी। अब उनका संस्करण दिख रहा है; आपका सुधार फ़ॉर्म में सुरक्षित है — मिलाकर देखें और ज़रूरत हो तो फिर से सहेजें।

voice-earlier = इस प्रविष्टि के पहले के शब्द

## Her own record
nav-my-record = मेरा रिकॉर्ड
own-title = मेरा रिकॉर्ड
own-none = आपका रिकॉर्ड अभी आपके खाते से नहीं जुड़ा है। अपनी केस वर्कर से कहिए।
own-said = मैंने जो कहा है
own-said-empty = अभी तक मेरे अपने शब्दों में कुछ नहीं है।
own-add = अपने शब्द लिखूँ
own-words = मेरे शब्द
own-save = मेरे शब्द सहेजें
own-plan = मेरी योजना
own-plan-words = अपनी योजना के बारे में मैं क्या सोचती हूँ, मेरे शब्दों में
own-plan-save = उन्हें बताएँ
own-readers-hint = जिन्होंने भी मेरा रिकॉर्ड खोला: कौन-सा संगठन, किस तरह का कर्मचारी, और कब।
own-kind = मेरी बात किस बारे में है
own-language = मैं जिस भाषा में लिख रही हूँ
own-plan-empty = मेरी योजना अभी लिखी नहीं गई है।
own-agreement = क्या मैं इस योजना से सहमत हूँ?
own-agreement-agreed = मैं सहमत हूँ
own-agreement-partly = मैं कुछ हद तक सहमत हूँ
own-agreement-disagreed = मैं सहमत नहीं हूँ
own-readers-heading = मेरा रिकॉर्ड किसने पढ़ा
error-not-a-survivor-account = इस संगठन का एक चालू सर्वाइवर खाता चुनें।
audit-action-survivor-linked = उसका अपना खाता उसके केस से जोड़ा गया

survivor-link = उसका अपना खाता
survivor-link-save = उसके केस से जोड़ें
survivor-link-choose = — उसका खाता चुनें —
survivor-linked = उसका अपना खाता जुड़ गया है: अब वह अपना रिकॉर्ड पढ़ सकती है और अपने शब्द लिख सकती है।

## हस्तांतरण
handover-state-draft = मसौदा
handover-state-sent = भेजा गया
handover-state-acknowledged = प्राप्ति स्वीकार की गई
handover-state-accepted = स्वीकार किया गया
handover-state-declined = लौटा दिया गया
gap-voice-not-recent = पिछले 90 दिनों में उसकी उम्मीदें, डर या योजनाएँ उसके अपने शब्दों में दर्ज नहीं हुईं।
gap-no-agreed-plan = ऐसी कोई केस योजना नहीं है जिस पर वह सहमत हो।
gap-no-home-assessment = वह घर लौट रही है, और घर व परिवार का आकलन दर्ज नहीं है।
gap-no-legal-summary = क़ानूनी सारांश नहीं है।
gap-no-health-summary = स्वास्थ्य का सारांश नहीं है।
gap-no-shared-language = पाने वाला संगठन जिस भाषा में काम करता है, उसमें उसके कोई शब्द दर्ज नहीं हैं।
gap-voice-does-not-travel = उसकी बात नहीं जाएगी: “उसकी बात, योजना और निर्णय” वाला हिस्सा साझा करने की सहमति में पाने वाले संगठन का नाम नहीं है।
gap-plan-does-not-travel = उसकी योजना नहीं जाएगी: यह “उसकी बात, योजना और निर्णय” वाले हिस्से के साथ जाती है, और पाने वाले संगठन के लिए उसकी साझा करने की सहमति उस हिस्से को शामिल नहीं करती।
gap-voice-does-not-travel-fix = केस के सहमति पन्ने पर पाने वाले संगठन के साथ “उसकी बात, योजना और निर्णय” वाला हिस्सा साझा करने की सहमति दर्ज करें, फिर हस्तांतरण दोबारा शुरू करें।
gap-plan-does-not-travel-fix = केस के सहमति पन्ने पर पाने वाले संगठन के साथ “उसकी बात, योजना और निर्णय” वाला हिस्सा साझा करने की सहमति दर्ज करें, फिर हस्तांतरण दोबारा शुरू करें।
gap-voice-not-recent-fix = उसकी उम्मीदें, डर या योजनाएँ उसके अपने शब्दों में दर्ज करें।
gap-no-agreed-plan-fix = उसके साथ केस योजना बनाएँ और दर्ज करें कि वह उससे सहमत है।
gap-no-home-assessment-fix = घर और परिवार का आकलन भरें।
gap-no-legal-summary-fix = क़ानूनी सारांश एक दस्तावेज़ है जो क़ानूनी श्रेणी में रखा जाता है; पाने वाले संगठन के लिए उसकी साझा करने की सहमति में क़ानूनी हिस्सा होना चाहिए।
gap-no-health-summary-fix = स्वास्थ्य सारांश एक दस्तावेज़ है जो स्वास्थ्य श्रेणी में रखा जाता है; पाने वाले संगठन के लिए उसकी साझा करने की सहमति में स्वास्थ्य हिस्सा होना चाहिए।
gap-no-shared-language-fix = पाने वाला संगठन जिस भाषा में काम करता है, उसमें उसकी बात दर्ज करें या अनुवाद जोड़ें।
handover-present = { $checked } में से { $present } जानकारियाँ हैं
handover-state-cancelled = रद्द
audit-action-handover-cancelled = हस्तांतरण रद्द हुआ
handover-cancel = यह मसौदा रद्द करें
error-handover-not-draft = केवल मसौदा रद्द किया जा सकता है: यह हस्तांतरण पहले ही भेजा जा चुका है।
handover-all-present = जाँची गई सारी जानकारी है।
handover-nothing-travels = इस हस्तांतरण के साथ कुछ नहीं जाएगा: उसकी सहमति उसके रिकॉर्ड का कोई भी हिस्सा पाने वाले संगठन को जाने नहीं देती।
error-handover-step = हस्तांतरण मसौदा, भेजा गया, प्राप्ति स्वीकार, फिर स्वीकार या लौटाया — यह कदम अभी नहीं हो सकता।
error-same-organisation = केस पहले से उसी संगठन के पास है।
error-share-to-custodian = आपके संगठन के पास उसकी जो जानकारी है, वह उसी संगठन को जाएगी जिसके पास अब उसका केस है।
error-gaps-need-reason = रिपोर्ट में कमियाँ हैं। फिर भी हस्तांतरण अभी क्यों हो, यह लिखिए।
audit-action-handover-started = हस्तांतरण शुरू हुआ
audit-action-handover-sent = हस्तांतरण भेजा गया
audit-action-handover-acknowledged = हस्तांतरण की प्राप्ति स्वीकार हुई
audit-action-handover-accepted = हस्तांतरण स्वीकार हुआ
audit-action-handover-declined = हस्तांतरण लौटाया गया

## Handover pages
nav-handovers = हस्तांतरण
home-alerts = ध्यान देना ज़रूरी
home-followup-missed = केस { $code }: { $due } का फ़ॉलो-अप छूट गया (दर्ज नहीं हुआ)
home-step-overdue = केस { $code }: प्रत्यावर्तन के चरण “{ $step }” में देर हो गई ({ $due } तक होना था)
home-network-followups-missed = { $organisation }: { $count ->
    [one] लौटने के बाद { $n } फ़ॉलो-अप छूट गया
   *[other] लौटने के बाद { $n } फ़ॉलो-अप छूट गए
}
home-network-steps-overdue = { $organisation }: { $count ->
    [one] प्रत्यावर्तन के { $n } चरण में देर हो गई
   *[other] प्रत्यावर्तन के { $n } चरणों में देर हो गई
}
handovers-title = हस्तांतरण
handovers-incoming = हमारे पास आ रहे
handovers-outgoing = हमने भेजे
handovers-empty = कोई नहीं।
handover-title = केस { $code } का हस्तांतरण
handover-from = किससे
handover-to = किसको
handover-other = संगठन
handover-state = स्थिति
handover-when = कब
handover-reason = क्यों
handover-sections = क्या-क्या जा रहा है
handover-sent-at = भेजा गया
handover-acknowledged-at = प्राप्ति स्वीकार
handover-decided-at = स्वीकार या लौटाया
handover-report = पूर्णता
handover-read-what-travels = उसके साथ जो आ रहा है, उसे पढ़ें (स्वीकार करने तक केवल पढ़ सकते हैं)
handover-open-case = उसका केस खोलें
handover-score = अंक: 100 में से { $score }
handover-no-gaps = कुछ भी कम नहीं है।
handover-gaps-reason = इन कमियों के साथ भी क्यों भेजा जा रहा है
handover-jargon = शब्द जो पाने वाले शायद न जानते हों
handover-send = हस्तांतरण भेजें
handover-acknowledge = प्राप्ति स्वीकार करें: पहुँच गया
handover-accept = स्वीकार करें: हम उसका केस ले रहे हैं
handover-decline = लौटाएँ
handover-decline-reason = हम क्यों लौटा रहे हैं
handover-overdue = समय पर प्राप्ति स्वीकार नहीं हुई
handover-arrived-alert = { $organisation } से एक केस आया है: उसके साथ जो आया है उसे पढ़ें, और प्राप्ति स्वीकार करें।
handover-overdue-alert = भेजा गया, पर समय पर प्राप्ति स्वीकार नहीं हुई
handover-start = केस हस्तांतरित करें
handover-start-hint = केवल वही जाएगा जिसकी उस संगठन के लिए उसकी सहमति अनुमति देती है। भेजने से पहले आप पूर्णता की रिपोर्ट देखेंगी।

## Follow-up
followup-first-contact = पहला संपर्क हुआ
followup-family-visit = परिवार से मुलाक़ात
followup-school-or-work = फिर से स्कूल या काम पर
followup-outcome = फ़ॉलो-अप का नतीजा
error-unknown-outcome = चुनें कि फ़ॉलो-अप में क्या पता चला।
error-followup-done = यह फ़ॉलो-अप पहले ही दर्ज हो चुका है।
audit-action-follow-up-recorded = फ़ॉलो-अप दर्ज हुआ

## Repatriation
repatriation-agency-hir-requested = शेल्टर / बाल कल्याण समिति (भारत)
repatriation-agency-hir-received = स्रोत क्षेत्र का एनजीओ, बांग्लादेश के समाज कल्याण मंत्रालय के साथ
repatriation-agency-nationality-verified = बांग्लादेश उच्चायोग / गृह मंत्रालय
repatriation-agency-repatriation-order = राज्य गृह विभाग (भारत)
repatriation-agency-travel-permit = बांग्लादेश उच्चायोग
repatriation-agency-border-handover = सीमा पर बीएसएफ़ और बीजीबी
repatriation-agency-received = स्रोत क्षेत्र का एनजीओ (बांग्लादेश)
repatriation-step-hir-requested = घर की जाँच रिपोर्ट माँगी गई
repatriation-step-hir-received = घर की जाँच रिपोर्ट मिली
repatriation-step-nationality-verified = राष्ट्रीयता की पुष्टि हुई
repatriation-step-repatriation-order = प्रत्यावर्तन का आदेश
repatriation-step-travel-permit = यात्रा परमिट
repatriation-step-border-handover = सीमा पर सौंपा गया
repatriation-step-received = स्रोत क्षेत्र के संगठन ने ग्रहण किया
error-unknown-route = ऐसा कोई प्रत्यावर्तन मार्ग नहीं है।
error-repatriation-started = उसका प्रत्यावर्तन पहले ही शुरू हो चुका है।
audit-action-repatriation-started = प्रत्यावर्तन शुरू हुआ
audit-action-repatriation-step-updated = प्रत्यावर्तन का चरण दर्ज हुआ

## Follow-up and repatriation pages
followups-heading = लौटने के बाद फ़ॉलो-अप
followup-missed = छूट गया
followup-save = दर्ज करें
followup-saved = फ़ॉलो-अप दर्ज हो गया है।
repatriation-heading = प्रत्यावर्तन
repatriation-due = नियत
repatriation-done = पूरा हुआ
repatriation-overdue = देर हो गई
repatriation-preference = उसकी पसंद, उसके शब्दों में
repatriation-save = चरण दर्ज करें
repatriation-saved = उसके प्रत्यावर्तन की जानकारी अद्यतन हो गई है।
repatriation-start = उसका प्रत्यावर्तन शुरू करें (भारत → बांग्लादेश)
