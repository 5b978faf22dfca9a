# সময় ও সময় অঞ্চল (ইস্যু ১৫)।

zone-asia-kolkata = ভারতীয় সময়
zone-asia-dhaka = বাংলাদেশ সময়
zone-asia-kathmandu = নেপাল সময়
zone-other = { $zone } সময়

organisation-time-zone = সময় অঞ্চল
organisation-time-zone-country = দেশের সময় অঞ্চল
