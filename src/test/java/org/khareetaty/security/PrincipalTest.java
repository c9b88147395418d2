package org.khareetaty.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrincipalTest {

    @Test
    void reportsNameTheSignedInAccountAndTheOsUserOnlyBeforeAccountsExist() {
        assertThat(new Principal("sara", Role.ANALYST).reportAuthor()).isEqualTo("sara");
        assertThat(Principal.BOOTSTRAP.reportAuthor()).isEqualTo(System.getProperty("user.name"));
    }
}
