package com.voiceappoint.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.Language;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every implementation of the client port must do. */
public abstract class ClientRepositoryContract {
    protected OutboundPorts ports;
    private TestData.Tenant tenant;

    protected abstract OutboundPorts newPorts();

    @BeforeEach
    void setUpPorts() {
        ports = newPorts();
        tenant = TestData.tenant(ports);
    }

    @Test
    void a_known_phone_returns_the_stored_client_instead_of_a_second_one() {
        PhoneNumber phone = TestData.randomPhone();
        Client first = ports.clients().addOrGetExisting(client("Carmen", Optional.of(phone), Optional.empty()));
        Client again = ports.clients().addOrGetExisting(client("Carmen R.", Optional.of(phone), Optional.empty()));

        assertThat(again).isEqualTo(first);
        assertThat(ports.clients().findById(tenant.id(), first.id())).contains(first);
    }

    @Test
    void the_same_phone_in_another_business_is_another_client() {
        PhoneNumber phone = TestData.randomPhone();
        Client here = ports.clients().addOrGetExisting(client("Carmen", Optional.of(phone), Optional.empty()));
        TestData.Tenant other = TestData.tenant(ports);
        Client there = ports.clients()
                .addOrGetExisting(new Client(
                        ClientId.random(),
                        other.id(),
                        "Carmen",
                        Optional.of(phone),
                        Optional.empty(),
                        Optional.empty()));

        assertThat(there.id()).isNotEqualTo(here.id());
        assertThat(ports.clients().findById(other.id(), here.id())).isEmpty();
    }

    @Test
    void clients_are_found_by_phone_first_then_by_email() {
        EmailAddress email = new EmailAddress("carmen-" + ClientId.random() + "@example.com");
        PhoneNumber phone = TestData.randomPhone();
        Client byEmail = ports.clients().addOrGetExisting(client("Carmen", Optional.empty(), Optional.of(email)));
        Client byPhone = ports.clients().addOrGetExisting(client("Pedro", Optional.of(phone), Optional.empty()));

        assertThat(ports.clients().findByContact(tenant.id(), Optional.of(phone), Optional.of(email)))
                .contains(byPhone);
        assertThat(ports.clients().findByContact(tenant.id(), Optional.empty(), Optional.of(email)))
                .contains(byEmail);
        assertThat(ports.clients().findByContact(tenant.id(), Optional.of(TestData.randomPhone()), Optional.of(email)))
                .isEmpty();
    }

    @Test
    void an_update_completes_a_client() {
        Client client = ports.clients()
                .addOrGetExisting(client("Carmen", Optional.of(TestData.randomPhone()), Optional.empty()));
        Client completed = new Client(
                client.id(),
                tenant.id(),
                "Carmen Ruiz",
                client.phone(),
                Optional.of(new EmailAddress("carmen-" + client.id() + "@example.com")),
                Optional.of(Language.EN));
        ports.clients().update(completed);

        assertThat(ports.clients().findById(tenant.id(), client.id())).contains(completed);
        assertThat(ports.clients().findByIds(tenant.id(), List.of(client.id(), ClientId.random())))
                .containsExactly(completed);
        assertThat(ports.clients().findByIds(TestData.tenant(ports).id(), List.of(client.id())))
                .isEmpty();
    }

    private Client client(String name, Optional<PhoneNumber> phone, Optional<EmailAddress> email) {
        return new Client(ClientId.random(), tenant.id(), name, phone, email, Optional.empty());
    }
}
