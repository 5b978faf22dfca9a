# প্রশিক্ষণ কর্মসূচি।
nav-training = প্রশিক্ষণ
training-title = প্রশিক্ষণ কর্মসূচি
training-phase = পর্যায় { $title }
training-days = { $count ->
    [one] এক দিন
   *[other] { $count } দিন
}
training-residential = আবাসিক
training-not-residential = অনাবাসিক
training-group-size = { $count ->
    [one] প্রায় একজন অংশগ্রহণকারী
   *[other] প্রায় { $count } জন অংশগ্রহণকারী
}
training-audience-source = উৎস এলাকার সংস্থা
training-audience-destination = গন্তব্যের সংস্থা
training-audience-source-and-destination = উৎস ও গন্তব্যের সংস্থা একসঙ্গে
training-audience-directors-and-managers = পরিচালক ও ব্যবস্থাপক
training-audience-survivors = সারভাইভাররা
