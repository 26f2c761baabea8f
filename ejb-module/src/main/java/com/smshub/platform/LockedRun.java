package com.smshub.platform;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;

/** A run of a job that one node runs at a time: in a transaction of its own, which holds the job's lock row. */
@Stateless
@PermitAll
public class LockedRun {

    @Resource(lookup = "java:jboss/datasources/SmsHubDS")
    DataSource dataSource;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void run(SingleNodeTask task, PeriodicJob job) {
        task.tick(dataSource, job::run);
    }
}
