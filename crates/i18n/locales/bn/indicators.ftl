# পুনরুদ্ধারমূলক যত্নের সূচক (ইস্যু ১৩)।

error-unknown-time-zone = সময় অঞ্চলের নাম বেছে নিন, যেমন Asia/Kolkata বা Asia/Dhaka।
error-invalid-period = একটি ত্রৈমাসিক (যেমন 2026-Q3) বা একটি বছর (যেমন 2026) বেছে নিন।
audit-action-stay-terms-recorded = তার থাকার শর্ত লেখা হয়েছে
stay-length-set-by = তার থাকার মেয়াদ কে ঠিক করেছে
stay-wants-to-leave-on = সে যে তারিখে চলে যেতে চায়
