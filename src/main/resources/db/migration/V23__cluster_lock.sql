-- Work that must run on one hub node at a time (polling a payer's folder or mailbox, the clients' intake, timers
-- such as retention and repairs) is held through a row here: Spring Integration's JdbcLockRegistry, table prefix
-- CLUSTER_ (cluster/ClusterConfiguration). lock_key is a UUID made from the duty's name (the operators' view,
-- GET /api/operations/cluster, names them); client_id is the holding node's id (hub.cluster.node-id);
-- created_date is when the holder last renewed it, by the holder's clock in UTC. A row older than the time to live
-- (hub.cluster.lock-time-to-live) belongs to a node that died: the next node to ask takes it over.
create table cluster_lock (
    lock_key char(36) not null,
    region varchar(100) not null,
    client_id varchar(255),
    created_date timestamp not null,
    constraint cluster_lock_pk primary key (lock_key, region)
);
