package com.hmoexchange.hub.support;

import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.support.Fixtures.Practice;
import org.junit.jupiter.api.BeforeEach;

/** An ApiTest with a new practice, its billing user and an Acme patient for each test. */
public abstract class PracticeApiTest extends ApiTest {

    protected Practice practice;
    protected Api billing;
    protected Enrollee patient;

    @BeforeEach
    void practiceWithPatient() {
        practice = fixtures.practice();
        billing = as(practice.billing());
        patient = fixtures.enrollee("acme-hmo");
    }
}
