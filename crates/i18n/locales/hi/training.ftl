# प्रशिक्षण कार्यक्रम।
nav-training = प्रशिक्षण
training-title = प्रशिक्षण कार्यक्रम
training-phase = चरण { $title }
training-days = { $count ->
    [one] एक दिन
   *[other] { $count } दिन
}
training-residential = आवासीय
training-not-residential = गैर-आवासीय
training-group-size = { $count ->
    [one] लगभग एक प्रतिभागी
   *[other] लगभग { $count } प्रतिभागी
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
