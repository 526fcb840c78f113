-- Every SENT mark moves a delivery's entry in each index that holds its status. The claim index
-- (issue, status, subscriber) answers every query of the sender, so the older (issue, status, next
-- attempt) index only doubled that work: one index page less to write per mark.
drop index newsletter_delivery_due;
