# पुनर्स्थापनात्मक देखभाल के संकेतक (इश्यू 13)।

error-unknown-time-zone = समय क्षेत्र का नाम चुनें, जैसे Asia/Kolkata या Asia/Dhaka।
error-invalid-period = एक तिमाही (जैसे 2026-Q3) या एक साल (जैसे 2026) चुनें।
audit-action-stay-terms-recorded = उसके रहने की शर्तें दर्ज की गईं
stay-length-set-by = उसके रहने की अवधि किसने तय की
stay-wants-to-leave-on = वह किस तारीख़ को जाना चाहती है
