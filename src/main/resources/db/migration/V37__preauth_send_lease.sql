-- A send to a payer in flight holds a lease until this time: the clock (on this node or another) does not send the
-- same request again while it runs; a node that dies mid-send leaves a lease that simply runs out.
alter table preauthorisation add column send_lease_until timestamp with time zone;
