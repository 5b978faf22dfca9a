# कार्यशाला का पेज, सर्वाइवर कार्यशालाएँ, प्रश्नावलियाँ, आदान-प्रदान दौरे और प्रशिक्षण की शर्तें।
problem-training-required-title = पहले एक कार्यशाला ज़रूरी है
forbidden-training-required = यह करने से पहले नेटवर्क चाहता है कि आप “{ $workshop }” कार्यशाला पूरी करें। यह अगली बार कब होगी, आपके प्रशिक्षक बता सकते हैं।
error-not-a-number = एक पूर्ण संख्या लिखें।
error-choose-someone = कम से कम एक व्यक्ति पर टिक करें।
error-unknown-trainer = इस यूज़रनेम का कोई सक्रिय प्रशिक्षक नहीं है।
error-not-survivor-workshop = यह कार्यशाला कर्मचारियों के लिए है; सर्वाइवर अपनी अलग कार्यशालाओं में भाग लेती हैं।
error-unknown-code = इस कोड की कोई सर्वाइवर नहीं है।
error-evaluation-done = उसकी यह प्रश्नावली पहले ही दर्ज हो चुकी है।
error-not-counterparts = आदान-प्रदान दौरा उसकी यात्रा के दोनों छोरों के बीच होता है: एक ओर स्रोत-क्षेत्र या समुदाय-आधारित संस्था, दूसरी ओर गंतव्य या ट्रांज़िट संस्था।
error-phase-not-completed = उसने अभी तक चरण 3 की सभी कार्यशालाएँ पूरी नहीं की हैं।
error-consent-needed = इसे दर्ज करने से पहले उसे ख़ुद हाँ कहना होगा।
audit-action-survivor-enrolled = सर्वाइवर को कार्यशाला में जगह दी गई
audit-action-survivor-attendance = सर्वाइवर की उपस्थिति दर्ज हुई
audit-action-feedback-recorded = सर्वाइवर की राय दर्ज हुई
audit-action-peer-role-recorded = पीयर भूमिका दर्ज हुई
audit-action-exchange-visit-recorded = आदान-प्रदान दौरा दर्ज हुआ
audit-action-evaluation-recorded = कार्यशाला की प्रश्नावली दर्ज हुई
audit-action-gate-set = प्रशिक्षण की शर्त लागू की गई
audit-action-gate-lifted = प्रशिक्षण की शर्त हटाई गई

training-dropout-rate = बीच में छोड़ा: { $count ->
    [one] एक में से
   *[other] { $n } में से
} { $dropped } लोगों ने ({ $rate }%); नेटवर्क का अनुमान { $projected }%।
training-schedule = कैलेंडर में एक कार्यशाला रखें
training-workshop = कार्यशाला
training-venue = स्थान
training-starts-on = पहला दिन
training-ends-on = आख़िरी दिन (ख़ाली छोड़ें तो: कार्यशाला जितने दिन की है, उतने दिन)
training-announced-on = संस्थाओं को तारीख़ें बताने का दिन (ख़ाली छोड़ें तो: आज)
training-capacity = जगहें (ख़ाली छोड़ें तो: 16)
training-facilitators-input = संचालक, हर पंक्ति में एक
training-mental-health-input = इनमें से मानसिक स्वास्थ्य विशेषज्ञ, हर पंक्ति में एक
training-trainers-input = इसे चलाने वाले दूसरे प्रशिक्षक (यूज़रनेम, कॉमा से अलग करके)
training-schedule-submit = कार्यशाला का समय तय करें
training-suppressed = 5 से कम
training-risk-shelter-staff-residential = आवासीय कार्यशाला में आश्रय गृह की कर्मचारी
training-risk-short-notice = तारीख़ें कम समय पहले बताई गईं
training-risk-childcare = बच्चों की देखभाल का इंतज़ाम चाहिए
workshop-scheduled = कार्यशाला कैलेंडर में रख दी गई है।
workshop-topics = इसमें क्या-क्या शामिल है
workshop-participants = प्रतिभागी
workshop-participants-empty = अभी तक किसी का नामांकन नहीं हुआ है।
workshop-participant = प्रतिभागी
workshop-organisation = संस्था
workshop-attendance = उपस्थिति
workshop-risks = बीच में छोड़ने के जोखिम
workshop-brief = शामिल होने की जानकारी
workshop-days-attended = { $total ->
    [one] एक दिन में से
   *[other] { $total } दिनों में से
} { $n } दिन
workshop-completed = पूरी की
workshop-left = बीच में छोड़ दी
workshop-record-day = एक दिन की उपस्थिति दर्ज करें
workshop-day = दिन
workshop-present = उस दिन उपस्थित
workshop-save-day = उपस्थिति सहेजें
workshop-attendance-saved = उपस्थिति सहेज ली गई है।
workshop-record-dropout = कोई छोड़कर चली गई हो तो दर्ज करें
workshop-dropout-reason = वह क्यों चली गई
workshop-dropout-note = शब्दों में (कोई और कारण हो तो ज़रूरी)
workshop-save-dropout = सहेजें
workshop-dropout-saved = सहेज लिया गया: उसने कार्यशाला छोड़ दी।
workshop-enrol = किसी कर्मचारी का नामांकन करें
workshop-username = उसका यूज़रनेम
workshop-years = अपनी संस्था में कितने साल
workshop-childcare = आने के लिए उसे बच्चों की देखभाल का इंतज़ाम चाहिए
workshop-beyond-capacity = जानबूझकर, कार्यशाला की क्षमता से ऊपर
workshop-enrol-submit = नामांकन करें
workshop-enrolled = नामांकन हो गया।
dropout-reason-shelter-emergency = आश्रय गृह में आपात स्थिति
dropout-reason-childcare = बच्चों की देखभाल
dropout-reason-resigned = उसने नौकरी छोड़ दी
dropout-reason-other = कोई और कारण

evaluation-heading = पहले और बाद की प्रश्नावली
evaluation-help = हर प्रतिभागी पहले और आख़िरी दिन उन्हीं सवालों के जवाब देती है। फ़र्क़ से पता चलता है कि नज़रिया बदला या नहीं।
evaluation-stage = पहले या बाद में
evaluation-stage-pre = पहले
evaluation-stage-post = बाद में
evaluation-save = उसके जवाब सहेजें
evaluation-saved = उसके जवाब सहेज लिए गए हैं।
evaluation-results = नज़रिए में बदलाव
evaluation-answered = पहले { $pre } ने जवाब दिए, बाद में { $post } ने। 5 से कम जवाबों का औसत नहीं दिखाया जाता।
evaluation-item = कथन
evaluation-change = बदलाव

survivors-heading = इस कार्यशाला की सर्वाइवर
survivors-help = यह केवल इस कार्यशाला के प्रशिक्षक देखते हैं। बाकी सब केवल कोड और कुल संख्या देखते हैं।
survivors-code = कोड
survivors-known-as = आप उसे जिस नाम से जानती हैं
survivors-add = एक सर्वाइवर जोड़ें
survivors-code-known = उसका कोड, अगर पिछली किसी कार्यशाला से उसके पास है
survivors-known-as-new = या, नई हो तो: जिस नाम से आप उसे बुलाती हैं
survivor-added = उसे कार्यशाला में जगह मिल गई है।
feedback-heading = सर्वाइवरों ने क्या कहा
feedback-help = जो कहा गया, उसे बिना किसी नाम के लिखें। निदेशक और प्रबंधक केवल विषय और गिनती देखते हैं।
feedback-empty = अभी तक कुछ दर्ज नहीं हुआ है।
feedback-theme = विषय
feedback-tone = प्रकार
feedback-words = उसके शब्द
feedback-language = जिस भाषा में उसने कहा
feedback-save = सहेजें
feedback-saved = बिना नाम के सहेज लिया गया।
feedback-total = सारी राय मिलाकर
feedback-theme-being-heard = अपनी बात सुनी जाना
feedback-theme-safety = सुरक्षा
feedback-theme-own-pace = अपनी रफ़्तार से आगे बढ़ना
feedback-theme-family = परिवार
feedback-theme-livelihood = काम और कमाई
feedback-theme-dignity = गरिमा और सम्मान
feedback-theme-staff-attitude = कर्मचारी उसके साथ कैसा बर्ताव करते हैं
feedback-theme-peer-support = दूसरी सर्वाइवरों से सहारा
feedback-theme-other = कुछ और
feedback-tone-appreciation = सराहना
feedback-tone-concern = चिंता
feedback-tone-suggestion = सुझाव
feedback-summary-heading = सर्वाइवरों की राय, बिना नाम के
feedback-summary-help = केवल विषय और गिनती, कभी यह नहीं कि किसने क्या कहा। 5 से कम की गिनती नहीं दिखाई जाती।
peer-heading = पीयर भूमिकाएँ
peer-help = जिस सर्वाइवर ने चरण 3 की सभी कार्यशालाएँ पूरी कर ली हैं, वह चाहे तो पीयर सहायिका, पीयर शिक्षिका या पीयर नेत्री बन सकती है।
peer-role = भूमिका
peer-role-supporter = पीयर सहायिका
peer-role-educator = पीयर शिक्षिका
peer-role-leader = पीयर नेत्री
peer-consent-language = उसे किस भाषा में समझाया गया
peer-consent = उसने ख़ुद हाँ कहा
peer-save = उसकी भूमिका दर्ज करें
peer-saved = उसकी पीयर भूमिका दर्ज हो गई है।

brief-title = शामिल होने की जानकारी: { $workshop }
brief-greeting = प्रिय { $name },
brief-invited = { $programme } कार्यक्रम की “{ $workshop }” कार्यशाला में आपका नामांकन हो गया है।
brief-dates = तारीख़ें: { $from } से { $to } तक ({ $count ->
    [one] एक दिन
   *[other] { $n } दिन
})।
brief-venue = स्थान: { $venue }।
brief-residential = कार्यशाला आवासीय है: आप { $count ->
    [one] उस दिन
   *[other] पूरे { $n } दिन
} वहीं ठहरेंगी। जितने दिन रुकेंगी, उनके लिए कपड़े और ज़रूरी सामान साथ लाएँ।
brief-not-residential = आप हर शाम घर जाएँगी; कृपया हर सुबह समय पर पहुँचें।
brief-bring = अपना पहचान पत्र, एक कॉपी, और जो भी दवाइयाँ आप लेती हैं, साथ लाएँ।
brief-completion = कार्यशाला पूरी करने के लिए हर पाँच में से कम से कम चार दिन उपस्थित रहें।
brief-risk-shelter-staff-residential = अगर आपके आश्रय गृह में किसी आपात स्थिति के कारण आपको लौटना पड़े, तो तुरंत प्रशिक्षक को बताएँ, ताकि आपकी जगह बनी रहे।
brief-risk-short-notice = ये तारीख़ें कम समय पहले बताई गई हैं। अगर आप नहीं आ सकतीं, तो अभी अपने कोऑर्डिनेटर को बताएँ, ताकि कोई दूसरी सहकर्मी यह जगह ले सके।
brief-risk-childcare = आपने बताया था कि आपको बच्चों की देखभाल का इंतज़ाम चाहिए। कार्यशाला से पहले अपने कोऑर्डिनेटर से बात करें, ताकि इंतज़ाम हो सके।
brief-facilitators = संचालक: { $names }।
brief-topics = हम किन बातों पर काम करेंगे

exchange-title = आदान-प्रदान दौरे
exchange-matrix = दूसरे छोर की संस्थाओं के दौरे
exchange-goal = हर संस्था को लड़कियों की यात्रा के दूसरे छोर की कम से कम एक संस्था का दौरा करना चाहिए, हो सके तो तीन का। जिनका एक भी दौरा नहीं हुआ, उन्हें चिह्नित किया गया है।
exchange-no-organisations = अभी तक कोई संस्था नहीं है।
exchange-kind = प्रकार
exchange-visited = जहाँ दौरा किया
exchange-hosted = जो दौरे पर आए
exchange-progress = प्रगति
exchange-progress-none = अभी एक भी नहीं
exchange-progress-started = शुरू हुआ
exchange-progress-ideal = तीन या ज़्यादा
exchange-visits = दौरे
exchange-none = अभी तक कोई दौरा दर्ज नहीं हुआ है।
exchange-visit-line = { $visitor } ने { $host } का दौरा किया
exchange-record = एक दौरा दर्ज करें
exchange-visitor = जिस संस्था के कर्मचारी गए
exchange-host = जिस संस्था का उन्होंने दौरा किया
exchange-date = दौरे की तारीख़
exchange-who-went = कौन गए
exchange-learned = उन्होंने क्या सीखा
exchange-save = दौरा सहेजें
exchange-saved = दौरा दर्ज हो गया है।

gates-heading = प्रशिक्षण की शर्तें
gates-none = प्रशिक्षण की कोई शर्त लागू नहीं है: हर भूमिका के लोग पहले कार्यशाला किए बिना अपना काम कर सकते हैं।
gates-role = भूमिका
gates-action = काम
gates-workshop = कौन-सी कार्यशाला पहले पूरी करनी है
gates-set = शर्त लागू करें
gates-lift = हटाएँ
gate-set = प्रशिक्षण की शर्त लागू हो गई है।
gate-lifted = प्रशिक्षण की शर्त हटा दी गई है।
gate-line = { $role }: { $action } — केवल “{ $workshop }” के बाद
gate-action-record-voice = उसके शब्द दर्ज करना (जो उसने खुलकर बताया)
gate-action-write-case-note = केस नोट लिखना
gate-action-write-psychosocial-note = मनो-सामाजिक नोट लिखना
gate-action-open-identity = उसका पहचान वाला हिस्सा खोलना
gate-action-start-handover = हस्तांतरण शुरू करना
gate-action-log-decision = निर्णय दर्ज करना
error-needs-trainer = सर्वाइवर कार्यशाला के लिए उसे चलाने वाली एक प्रशिक्षक चाहिए: यूज़रनेम से जोड़ें।
audit-action-survivor-dropped-out = एक सर्वाइवर ने कार्यशाला छोड़ी
gate-you-need = { $action } — इससे पहले नेटवर्क चाहता है कि आप “{ $workshop }” कार्यशाला पूरी करें।
evaluation-org-too-few = इस संस्था की बहुत कम कर्मचारियों ने जवाब दिए; औसत दिखाने से पता चल सकता है कि किसने क्या कहा, इसलिए नहीं दिखाया जा रहा।
