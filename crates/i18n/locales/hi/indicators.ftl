# पुनर्स्थापनात्मक देखभाल के संकेतक (इश्यू 13)।

error-unknown-time-zone = समय क्षेत्र का नाम चुनें, जैसे Asia/Kolkata या Asia/Dhaka।
error-invalid-period = एक तिमाही (जैसे 2026-Q3) या एक साल (जैसे 2026) चुनें।
audit-action-stay-terms-recorded = उसके रहने की शर्तें दर्ज की गईं
stay-length-set-by = उसके रहने की अवधि किसने तय की
stay-heading = उसके रहने की शर्तें
stay-none = अभी दर्ज नहीं: उससे पूछें कि वह कितने दिन रहेगी यह किसने तय किया, और वह कब जाना चाहती है।
stay-no-date = उसकी कोई तारीख़ नहीं है
stay-hint = अगर उसके मन में कोई तारीख़ नहीं है तो ख़ाली छोड़ें।
stay-save = उसके साथ शर्तें दर्ज करें
stay-saved = उसके रहने की शर्तें दर्ज हो गईं।
stay-wants-to-leave-on = वह किस तारीख़ को जाना चाहती है

## The indicators page (/indicators)
nav-indicators = संकेतक
indicators-title = क्या देखभाल उसकी ताक़त लौटा रही है?
indicators-intro = पहले उसकी बात, उसकी योजना और उसके फ़ैसले; बाद में क्षेत्र की जानी-पहचानी गिनती। हर आँकड़े के साथ n लिखा है: कितने केस, लोग या घटनाएँ।
indicators-period = अवधि
indicators-organisation = संगठन
indicators-show = दिखाएँ
indicators-small-numbers = पाँच से कम के बारे में आँकड़ा छिपा रहता है, और वह आँकड़ा भी, जिससे छिपा हुआ आँकड़ा निकाला जा सके।
indicators-computed-at = ये आँकड़े निकालने का समय: { $at }।
indicators-refreshing = नए आँकड़े अभी निकाले जा रहे हैं; उन्हें देखने के लिए एक मिनट बाद पेज फिर से खोलें।
indicators-quarter = { $quarter ->
    [1] जनवरी–मार्च
    [2] अप्रैल–जून
    [3] जुलाई–सितंबर
   *[4] अक्तूबर–दिसंबर
} { $year }
indicators-quarter-short = { $quarter ->
    [1] जन–मार्च
    [2] अप्रै–जून
    [3] जुला–सितं
   *[4] अक्तू–दिसं
}
indicators-network-total = पूरा नेटवर्क
indicators-with-n = { $figure } (कुल { $n })
indicators-hidden = छिपा हुआ: सुरक्षित दिखाने के लिए बहुत कम
indicators-no-data = इस अवधि का कोई आँकड़ा नहीं
indicators-spread = माध्यिका { $median }, 90वाँ पर्सेंटाइल { $p90 }
indicators-spread-days = माध्यिका { $median } दिन, 90वाँ पर्सेंटाइल { $p90 } दिन
indicators-target = लक्ष्य { $target }
indicators-bar-desc = { $name }: { $figure }। { $target }
indicators-trend = पिछली चार तिमाहियों में
indicators-trend-desc = { $name }, हर तिमाही; जिस तिमाही का आँकड़ा छिपा है, वहाँ कोई बिंदु नहीं।
indicators-why-and-table = यह क्यों ज़रूरी है, और आँकड़े
indicators-quarter-heading = तिमाही
indicators-figure-heading = आँकड़ा
indicators-by-organisation = हर संगठन
indicators-counts = क्षेत्र की जानी-पहचानी गिनती
indicators-counts-note = ये सिर्फ़ गिनती हैं, देखभाल का माप नहीं: ये बताती हैं कितनी, यह नहीं कि उसकी बात सुनी गई या नहीं।
indicators-funnel = पहचान से घर वापसी तक
indicators-count-heading = गिनती
indicators-training = प्रशिक्षण कार्यक्रम
indicators-training-dropout = कार्यशाला ख़त्म होने से पहले छोड़ गए
indicators-training-dropout-figure = { $n } लोगों में से { $percent }%
indicators-training-projected = नेटवर्क का अनुमान { $projected }
indicators-training-dropout-desc = बीच में छोड़ा { $figure }, नेटवर्क का अनुमान { $projected }; पट्टी 0 से 10% तक है।
indicators-training-exchange = जिन संगठनों ने सीमा पार के संगठन का दौरा किया
indicators-training-exchange-desc = सीमा पार के संगठन का दौरा किया: { $figure }
indicators-empty = आपके देखने के लिए कोई संकेतक नहीं है।
indicator-r1a-voice-lately = खुले केस, जिनमें पिछले 90 दिनों में उसकी अपनी बात लिखी गई
indicator-r1a-voice-lately-why = जिस लड़की की बात तीन महीने से किसी ने नहीं लिखी, उसकी योजना उसके लिए बनी है, उसके साथ नहीं।
indicator-r1b-read-back = उसकी बात उसे पढ़कर सुनाई गई
indicator-r1b-read-back-why = जो बात उसे पढ़कर सुनाई गई, उसे उसने अपनी बात माना है।
indicator-r2a-goals-she-set = लक्ष्य, जो उसने ख़ुद तय किए
indicator-r2a-goals-she-set-why = जो लक्ष्य उसने ख़ुद चुने, उन्हीं के लिए वह मेहनत करती है।
indicator-r2b-targets-she-set = समय-सीमा, जो उसने ख़ुद तय की
indicator-r2b-targets-she-set-why = वह कब तैयार है, यह उसकी अपनी रफ़्तार तय करे, शेल्टर की नहीं।
indicator-r2c-reviews-agreed = योजना की समीक्षाएँ, जिनसे वह सहमत थी
indicator-r2c-reviews-agreed-why = जिस समीक्षा से वह सहमत नहीं, वह उसके बारे में दूसरों का लिया फ़ैसला है।
indicator-r2d-approved-without-her = उसकी सहमति के बिना मंज़ूर योजनाएँ (लक्ष्य: एक भी नहीं)
indicator-r2d-approved-without-her-why = उसकी दर्ज सहमति के बिना कोई योजना मंज़ूर नहीं होनी चाहिए।
indicator-r3-decisions-with-her = फ़ैसले, जिनमें उसने हिस्सा लिया
indicator-r3-decisions-with-her-why = अपनी ज़िंदगी के फ़ैसलों में हिस्सा लेकर ही वह फिर से अपनी ज़िंदगी सँभालती है।
indicator-r4a-days-in-shelter = शेल्टर में कितने दिन, जो ठहराव ख़त्म हुए
indicator-r4a-days-in-shelter-why = लंबे, क़ैद जैसे ठहराव को छोटा करना ही पुनर्स्थापक देखभाल का पहला काम है।
indicator-r4b-days-set-by-order = शेल्टर में कितने दिन, जब अदालत या पुलिस के आदेश ने अवधि तय की
indicator-r4b-days-set-by-order-why = यह दिखाता है कि ठहराव लंबे इसलिए हैं कि वे थोपे गए।
indicator-r4b-days-set-by-team = शेल्टर में कितने दिन, जब टीम ने अवधि तय की
indicator-r4b-days-set-by-team-why = जो ठहराव टीम तय करती है, उसे शेल्टर ख़ुद छोटा कर सकता है।
indicator-r4b-days-set-by-her = शेल्टर में कितने दिन, जब उसने ख़ुद अवधि चुनी
indicator-r4b-days-set-by-her-why = जो ठहराव उसने ख़ुद चुना, वह कितना भी लंबा हो, उसका अपना है।
indicator-r4c-past-her-date = ठहराव जो उसकी चाही तारीख़ से आगे गए (लक्ष्य: एक भी नहीं)
indicator-r4c-past-her-date-why = उसकी तारीख़ के बाद का हर दिन उसकी इच्छा के विरुद्ध रोका गया दिन है।
indicator-r5-positive-responses = घटनाएँ, जिनके बाद दंडात्मक कार्रवाई नहीं, सहारा दिया गया
indicator-r5-positive-responses-why = घटना के बाद दंडात्मक कार्रवाई क़ैद जैसी देखभाल है; सहारा उसकी ताक़त लौटाता है।
indicator-r6a-voice-travelled = हस्तांतरण, जिनमें उसकी बात और योजना साथ गई
indicator-r6a-voice-travelled-why = उसकी बात उसके साथ जानी चाहिए, ताकि अगली टीम उसके बिना फिर से शुरू न करे।
indicator-r6b-completeness = हस्तांतरण की पूर्णता (100 में से)
indicator-r6b-completeness-why = पूरा हस्तांतरण यानी उसे अपनी कहानी फिर से नहीं सुनानी पड़ेगी।
indicator-r6c-days-to-acknowledge = हस्तांतरण की पावती में लगे दिन
indicator-r6c-days-to-acknowledge-why = जिस हस्तांतरण की पावती किसी ने नहीं दी, वहाँ देखभाल टूट गई है।
indicator-count-identified = पहचानी गई लड़कियाँ
indicator-count-identified-why = गिनती: कितने केस खुले।
indicator-count-in-care = अवधि के अंत में देखभाल में लड़कियाँ
indicator-count-in-care-why = गिनती: कितनी देखभाल में थीं।
indicator-count-returned = घर लौटीं लड़कियाँ
indicator-count-returned-why = गिनती: कितनी घर लौटीं।
indicator-count-reunified = परिवार से फिर मिली लड़कियाँ
indicator-count-reunified-why = एक गिनती: घर और परिवार के आकलन की सिफ़ारिश पर कितनी लड़कियाँ परिवार के साथ रहने लौटीं।

## Home: the director's and the network's first view, the trainer's coming workshops
home-indicators-heading = क्या देखभाल उसकी ताक़त लौटा रही है? इस तिमाही
home-indicators-all = सभी संकेतक देखें
home-plans-awaiting = योजनाएँ जो आपकी मंज़ूरी की राह देख रही हैं
home-cases-by-stage = आपके संगठन के केस, चरण के अनुसार (गिनती)

## The cases behind a figure: the director's own organisation's, to act on
indicator-cases-title = आँकड़े के पीछे के केस
indicator-cases-open = इस आँकड़े के पीछे के केस खोलें
indicator-cases-heading = { $period } की अवधि में: { $figure }
indicator-cases-r1a-voice-lately = अवधि के अंत में आपकी संस्था के खुले केस, जिनमें उससे पहले के 90 दिनों में उसकी अपनी कोई बात नहीं लिखी गई। उसके पास बैठिए और वह जो कहती है, उसे लिखिए।
indicator-cases-last-words = उसकी बात आख़िरी बार लिखी गई
indicator-cases-never = आपकी संस्था ने कभी नहीं लिखी
indicator-cases-none = इस आँकड़े के पीछे कोई केस नहीं है: हर खुले केस में उसकी बात है।
indicator-cases-elsewhere = { $count ->
    [one] एक और केस गिना गया जो अब दूसरी संस्था के पास है; वह यहाँ नहीं दिखाया गया।
   *[other] { $count } और केस गिने गए जो अब दूसरी संस्थाओं के पास हैं; वे यहाँ नहीं दिखाए गए।
}
indicator-cases-back = संकेतकों पर लौटें

## The indicator report out of Saathi
indicators-export-suppressed = छिपा हुआ (सुरक्षित दिखाने के लिए बहुत कम)
indicators-download = रिपोर्ट साथ ले जाएँ:
indicators-download-xlsx = वर्कबुक (XLSX)
indicators-download-pdf = पीडीएफ़
indicators-htcds = नेटवर्क से बाहर भेजने के लिए, HTCDS मानक के अनुसार पहचान हटाया गया डेटा (केवल उन लड़कियों के केस जिन्होंने आँकड़ों के लिए सहमति दी):

## R5 by month
indicators-by-month = महीने के हिसाब से
indicators-month-heading = महीना

## R6 Continuity after her return (R6d, R6e)
indicator-r6d-follow-ups-1-month = 1 महीने का फ़ॉलो-अप समय पर हुआ
indicator-r6d-follow-ups-1-month-why = घर लौटने से देखभाल ख़त्म नहीं होती: वादे के समय पर हालचाल लेने से उसका भरोसा बना रहता है।
indicator-r6d-follow-ups-3-months = 3 महीने का फ़ॉलो-अप समय पर हुआ
indicator-r6d-follow-ups-3-months-why = तीन महीने में घर के पहले कठिन हफ़्ते बीत चुके हैं, फिर भी किसी को पूछना चाहिए कि वह कैसी है।
indicator-r6d-follow-ups-6-months = 6 महीने का फ़ॉलो-अप समय पर हुआ
indicator-r6d-follow-ups-6-months-why = छह महीने में स्कूल, काम और परिवार दिखाते हैं कि उसकी वापसी टिक रही है या नहीं, और मुलाक़ात में वह ख़ुद यह बता सकती है।
indicator-r6d-follow-ups-12-months = 12 महीने का फ़ॉलो-अप समय पर हुआ
indicator-r6d-follow-ups-12-months-why = एक साल पर उससे पूछा जाता है कि क्या वह अब भी संपर्क चाहती है: देखभाल कब ख़त्म हो, यह वही तय करती है।
indicator-r6e-news-for-sender = हस्तांतरण, जिनके भेजने वाले संगठन को उसकी ख़बर मिली
indicator-r6e-news-for-sender-why = उसकी सहमति से जिस संगठन को उसकी ख़बर मिलती है, वह सीखता है कि उसके लिए क्या काम आया।

## R7 Repatriation
indicator-r7-repatriation = प्रत्यावर्तन के हर चरण में लगे दिन, मार्ग { $route }
indicator-r7-repatriation-why = काग़ज़ों के लिए महीनों का इंतज़ार उसे रोके रखने का समय है; कौन-सा चरण अटकता है, यह देखकर नेटवर्क बदलाव के लिए दबाव डाल सकता है।
indicators-r7-desc = हर चरण के माध्यिका दिन एक पट्टी में, और मार्ग के अनुसार अपेक्षित दिन निशान से दिखाए गए। { $steps }
indicators-r7-step-heading = चरण
indicators-r7-days-heading = लगे दिन
indicators-r7-delayed-heading = अपेक्षा से ज़्यादा समय लगा
indicators-r7-expected = { $count ->
    [one] अपेक्षित: { $n } दिन
   *[other] अपेक्षित: { $n } दिन
}
indicators-r7-why-heading = यह क्यों ज़रूरी है
indicators-r7-trend-desc = { $route }: हर चरण के माध्यिका दिन, हर तिमाही; जिस तिमाही का आँकड़ा छिपा है, वहाँ कोई बिंदु नहीं।
indicator-r8-trend-title = उसकी अपनी नज़र और कार्यकर्ता की, हर तिमाही
indicator-r8-trend-desc = सबसे हाल की रेटिंग का औसत, उसका और कार्यकर्ता का, उन क्षेत्रों पर जो हर तिमाही दिखाए गए, 1 से 4 के पैमाने पर हर तिमाही; जिस तिमाही का आँकड़ा छिपा है, वहाँ कोई बिंदु नहीं।
indicator-cases-r2d-approved-without-her = आपकी संस्था के वे केस जिनकी योजना इस अवधि में मंज़ूर हुई, पर किसी समीक्षा में उसकी सहमति दर्ज नहीं है। उसके पास बैठिए, उसके साथ योजना फिर से देखिए और वह जो कहती है, उसे लिखिए।
indicator-cases-r4c-past-her-date = आपकी संस्था के वे केस जिनमें उसका रहना इस अवधि में उस दिन के बाद ख़त्म हुआ जिस दिन वह जाना चाहती थी। उससे पूछिए कि उसे किस बात ने रोके रखा, और क्या होता तो वह अपने चाहे दिन जा पाती।
indicator-cases-approved-on = योजना मंज़ूर होने का दिन
indicator-cases-left-on = देखभाल छोड़ने का दिन
indicator-cases-left-after = { $left } (वह { $wanted } को जाना चाहती थी)
indicator-cases-none-r2d = इस आँकड़े के पीछे कोई केस नहीं है: इस अवधि में मंज़ूर हर योजना में उसकी सहमति है।
indicator-cases-none-r4c = इस आँकड़े के पीछे कोई केस नहीं है: किसी का रहना उसके चाहे दिन के बाद ख़त्म नहीं हुआ।
indicator-r6d-follow-ups-late = जो फ़ॉलो-अप समय पर नहीं हुए
indicator-cases-r6d-follow-ups-late = उसकी वापसी के बाद (1, 3, 6 या 12 महीने पर) आपकी संस्था के वे फ़ॉलो-अप जो इस अवधि में होने थे, पर तय दिन के 14 दिन के भीतर नहीं हुए। उससे मिलने जाइए, और पूछिए कि वह कैसी है।
indicator-cases-follow-up = फ़ॉलो-अप
indicator-cases-follow-up-late = { $count ->
    [one] { $n } महीने का फ़ॉलो-अप, तय दिन { $due }: { $done }
   *[other] { $n } महीने का फ़ॉलो-अप, तय दिन { $due }: { $done }
}
indicator-cases-follow-up-done = { $done } को हुआ
indicator-cases-follow-up-undone = नहीं हुआ
indicator-cases-none-r6d = इस आँकड़े के पीछे कोई केस नहीं है: इस अवधि के जिन फ़ॉलो-अप का नतीजा पता है, वे सब समय पर हुए।
indicator-r8-ratings-apart = उसकी रेटिंग और कार्यकर्ता की रेटिंग में दो या ज़्यादा अंक का फ़र्क़
indicator-cases-r8-ratings-apart = आपकी संस्था के वे केस जिनमें इस अवधि में और उससे पहले भी उसकी राय ली गई, और पिछली बार किसी क्षेत्र में उसकी रेटिंग और कार्यकर्ता की रेटिंग में दो या ज़्यादा अंक का फ़र्क़ है। उससे बात कीजिए: जहाँ दोनों अलग हैं, वहाँ योजना शायद उसकी ज़िंदगी की नहीं, कार्यकर्ता की नज़र की तस्वीर है।
indicator-cases-ratings-apart-heading = पिछली रेटिंग
indicator-cases-ratings-apart = { $area }: उसने कहा { $her }, कार्यकर्ता ने { $worker }
indicator-cases-none-r8 = इस आँकड़े के पीछे कोई केस नहीं है: पिछली बार उसकी रेटिंग और कार्यकर्ता की रेटिंग में कहीं दो अंक का फ़र्क़ नहीं था।
indicator-r8-trend-mean = हर तिमाही दिखाए गए क्षेत्रों का औसत
