package com.hmoexchange.hub.cluster;

import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.master.MasterComponent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The cluster lock of the hub's nodes: Spring Integration's JDBC lock registry on the hub's own database (table
 * cluster_lock, migration V23), behind Camel's cluster service ({@link LockClusterService}, which Camel picks up
 * from the registry for its {@code master:} endpoints) and {@link ClusterDuties}. No other server is needed: every
 * node already shares the database.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    static final String TABLE_PREFIX = "CLUSTER_";
    static final String REGION = "hub";

    /** The lock rows of this node, by its id; a lock not renewed for the time to live is free to take. */
    @Bean
    DefaultLockRepository clusterLockRepository(DataSource dataSource, ClusterSettings settings) {
        return repository(dataSource, settings);
    }

    static DefaultLockRepository repository(DataSource dataSource, ClusterSettings settings) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource, settings.nodeId());
        repository.setPrefix(TABLE_PREFIX);
        repository.setRegion(REGION);
        repository.setTimeToLive(Math.toIntExact(settings.lockTimeToLive().toMillis()));
        // Its own short transactions on a connection of the pool, not the JPA transaction manager's.
        repository.setTransactionManager(new JdbcTransactionManager(dataSource));
        return repository;
    }

    @Bean
    JdbcLockRegistry clusterLocks(DefaultLockRepository clusterLockRepository, ClusterSettings settings) {
        return registry(clusterLockRepository, settings);
    }

    static JdbcLockRegistry registry(DefaultLockRepository clusterLockRepository, ClusterSettings settings) {
        JdbcLockRegistry registry = new JdbcLockRegistry(clusterLockRepository);
        // A node waiting for a lock asks about once a renew period, not every 100 ms.
        registry.setIdleBetweenTries(settings.renewPeriod());
        return registry;
    }

    @Bean
    LockClusterService clusterService(JdbcLockRegistry clusterLocks, ClusterSettings settings) {
        return new LockClusterService(settings.nodeId(), clusterLocks, settings.renewPeriod());
    }

    /**
     * Camel's master: endpoints use this cluster service. It is given to the master component (a bean Camel takes
     * from the registry each time it needs the component) rather than found among Camel's services, which Camel
     * forgets when it stops; Camel does not stop it either: it lives as long as the application, which closes it.
     * So Camel stopped and started again (as a test does) still finds it.
     */
    @Bean("master")
    MasterComponent masterComponent(LockClusterService clusterService) {
        MasterComponent master = new MasterComponent();
        master.setService(clusterService);
        return master;
    }

    /** Started with Camel, before any route. */
    @Bean
    CamelContextConfiguration clusterServiceInCamel(LockClusterService clusterService) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                try {
                    camel.addService(clusterService, false, true);
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot start the cluster service: " + e.getMessage(), e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }

    @Bean
    ClusterDuties clusterDuties(LockClusterService clusterService, ClusterSettings settings) {
        return new LockedDuties(clusterService, settings.renewPeriod());
    }
}
