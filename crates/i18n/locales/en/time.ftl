# Times and time zones (issue 15): every time on a page is read on the reader's organisation's
# clock, and the zone is named in her language.

zone-asia-kolkata = India time
zone-asia-dhaka = Bangladesh time
zone-asia-kathmandu = Nepal time
# A zone without a name of its own, called by its IANA name.
zone-other = { $zone } time

organisation-time-zone = Time zone
organisation-time-zone-country = Its country's time zone
