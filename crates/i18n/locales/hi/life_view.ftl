# उसकी अपनी नज़र में उसकी ज़िंदगी (R8, इश्यू 13)।

life-rating-very-hard = बहुत मुश्किल
life-rating-hard = मुश्किल
life-rating-good = अच्छा
life-rating-very-good = बहुत अच्छा
life-rating-not-said = वह नहीं बताना चाहती थी
life-occasion-entering-care = जब वह देखभाल में आई
life-occasion-plan-review = उसकी योजना की समीक्षा में
life-occasion-follow-up = फ़ॉलो-अप मुलाक़ात में
error-unknown-life-rating = इनमें से एक चुनें: बहुत मुश्किल, मुश्किल, अच्छा, बहुत अच्छा।
error-unknown-life-occasion = बताइए कि यह कब पूछा गया: देखभाल में आने पर, योजना की समीक्षा में या फ़ॉलो-अप में।
error-life-view-areas = उसकी ज़िंदगी के छह पहलुओं में से हर एक के लिए एक जवाब दें।
error-life-view-reference = इस केस की कोई समीक्षा या फ़ॉलो-अप चुनें, या कोई नहीं।
audit-action-life-view-recorded = उसकी ज़िंदगी पर उसकी राय दर्ज की गई

life-view-title = उसकी ज़िंदगी कैसी चल रही है · { $code }
life-view-link = उसकी ज़िंदगी कैसी चल रही है, उसके शब्दों में और कार्यकर्ता की नज़र में
life-view-intro = उसकी ज़िंदगी के हर पहलू के बारे में उससे उसकी अपनी भाषा में पूछें: अभी कैसा चल रहा है? चारों जवाब उसे पढ़कर सुनाएँ। वह जवाब न देना भी चुन सकती है। फिर उसके जवाब के बगल में अपनी राय दें।
life-view-heading-new = अभी उससे पूछें
life-view-occasion = यह कब पूछा जा रहा है?
life-view-reference = कौन-सी समीक्षा या फ़ॉलो-अप
life-view-reference-none = इनमें से कोई नहीं
life-view-recorded-on = जिस दिन आपने उसके साथ बैठकर बात की
life-view-her = वह क्या कहती है
life-view-worker = उसकी कार्यकर्ता के रूप में आप क्या देखती हैं
life-view-save = उसकी राय और अपनी राय दर्ज करें
life-view-saved = उसकी ज़िंदगी पर उसकी राय दर्ज हो गई, बगल में आपकी राय भी।
life-view-history = समय के साथ
life-view-none = अभी तक किसी ने उससे नहीं पूछा।
life-view-gap = वह और कार्यकर्ता इसे अलग-अलग देखते हैं (दो अंक या उससे ज़्यादा का फ़र्क़): उसके साथ बात करें।
life-view-area = उसकी ज़िंदगी का पहलू
life-view-first = पहली बार
life-view-latest = सबसे हाल में
life-view-her-short = वह
life-view-worker-short = कार्यकर्ता
life-view-review-on = { $day } की समीक्षा
life-view-followup-due = फ़ॉलो-अप, { $day } को होना था
life-view-asked = { $day } को, { $occasion }

## संकेतक पन्ने पर R8
indicator-r8-her-view = उसकी अपनी नज़र में उसकी ज़िंदगी
indicator-r8-her-view-intro = जिन केसों में इस अवधि में उसकी राय पूछी गई और पहले भी पूछी गई थी: हर पहलू में पहली बार और सबसे हाल की औसत राय, 1 (बहुत मुश्किल) से 4 (बहुत अच्छा) तक, उसकी और कार्यकर्ता की; और सबसे हाल में दोनों के बीच कितनी बार दो अंक या उससे ज़्यादा का फ़र्क़ था।
indicator-r8-chart-title = उसकी राय और कार्यकर्ता की राय, पहली बार और सबसे हाल में
indicator-r8-chart-desc = हर पहलू के लिए दो रेखाएँ: उसकी और कार्यकर्ता की, पहली बार की औसत राय से सबसे हाल की औसत राय तक, 1 (बहुत मुश्किल) से 4 (बहुत अच्छा) के पैमाने पर।
indicator-r8-her-change = उसका बदलाव
indicator-r8-worker-change = कार्यकर्ता का बदलाव
indicator-r8-gaps = दो अंक या उससे ज़्यादा का फ़र्क़
indicator-r8-cases = { $n } केस, जिनमें उसकी राय कम से कम दो बार पूछी गई
indicator-r8-gap-share = { $n } में से { $count }
