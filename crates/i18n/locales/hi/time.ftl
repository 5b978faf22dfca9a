# समय और समय क्षेत्र (इश्यू 15)।

zone-asia-kolkata = भारतीय समय
zone-asia-dhaka = बांग्लादेश समय
zone-asia-kathmandu = नेपाल समय
zone-other = { $zone } समय

organisation-time-zone = समय क्षेत्र
organisation-time-zone-country = देश का समय क्षेत्र
