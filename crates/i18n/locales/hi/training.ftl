# प्रशिक्षण कार्यक्रम।
nav-training = प्रशिक्षण
training-title = प्रशिक्षण कार्यक्रम
training-phase = चरण { $title }
training-days = { $count ->
    [one] एक दिन
   *[other] { $n } दिन
}
training-residential = आवासीय
training-not-residential = गैर-आवासीय
training-group-size = { $count ->
    [one] लगभग एक प्रतिभागी
   *[other] लगभग { $n } प्रतिभागी
}
training-audience-source = स्रोत क्षेत्र की संस्थाएँ
training-audience-destination = गंतव्य की संस्थाएँ
training-audience-source-and-destination = स्रोत और गंतव्य की संस्थाएँ साथ में
training-audience-directors-and-managers = निदेशक और प्रबंधक
training-audience-survivors = सर्वाइवर
training-mental-health = मानसिक स्वास्थ्य विशेषज्ञ
training-facilitators = संचालन: { $names }
error-unknown-workshop = कार्यक्रम में ऐसी कोई कार्यशाला नहीं है।
error-ends-before-start = अंत की तारीख शुरुआत से पहले है।
error-announced-after-start = कार्यशाला शुरू होने के बाद तारीखें घोषित नहीं की जा सकतीं।
audit-action-workshop-scheduled = कार्यशाला का समय तय हुआ
training-calendar = कैलेंडर में जोड़ें (.ics)
error-unknown-participant = इस यूज़रनेम का कोई कर्मचारी नहीं है।
error-survivor-workshop = सर्वाइवर कार्यशालाओं में प्रतिभागी अलग से, छद्म कोड के साथ दर्ज होते हैं।
error-workshop-full = कार्यशाला भर गई है। जानबूझकर ही क्षमता से ऊपर नामांकन करें।
error-already-enrolled = उसका नामांकन पहले से है।
error-day-outside-workshop = वह दिन कार्यशाला का दिन नहीं है।
error-dropout-reason = बताएँ कि वह क्यों गई: आश्रय में आपात स्थिति, बच्चों की देखभाल, नौकरी छोड़ी, या कोई और कारण शब्दों में।
audit-action-enrolled = कार्यशाला में नामांकन हुआ
audit-action-attendance-recorded = उपस्थिति दर्ज हुई
audit-action-dropped-out = कार्यशाला छोड़ी
