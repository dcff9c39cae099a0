package com.voiceappoint.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.out.ClientRepository;
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
public abstract class ClientRepositoryContract<C extends ClientRepository> {
    protected C clients;
    protected TestData data;
    private TestData.Tenant tenant;

    /**
     * The stores under test, made anew before each test, and the {@link TestData} that writes what they refer to
     * into the same database.
     */
    protected abstract C createClientRepository();

    protected abstract TestData testData();

    @BeforeEach
    void setUpPorts() {
        clients = createClientRepository();
        data = testData();
        tenant = data.tenant();
    }

    @Test
    void a_known_phone_returns_the_stored_client_instead_of_a_second_one() {
        PhoneNumber phone = TestData.randomPhone();
        Client first = clients.addOrGetExisting(client("Carmen", Optional.of(phone), Optional.empty()));
        Client again = clients.addOrGetExisting(client("Carmen R.", Optional.of(phone), Optional.empty()));

        assertThat(again).isEqualTo(first);
        assertThat(clients.findById(tenant.id(), first.id())).contains(first);
    }

    @Test
    void the_same_phone_in_another_business_is_another_client() {
        PhoneNumber phone = TestData.randomPhone();
        Client here = clients.addOrGetExisting(client("Carmen", Optional.of(phone), Optional.empty()));
        TestData.Tenant other = data.tenant();
        Client there = clients.addOrGetExisting(new Client(
                ClientId.random(), other.id(), "Carmen", Optional.of(phone), Optional.empty(), Optional.empty()));

        assertThat(there.id()).isNotEqualTo(here.id());
        assertThat(clients.findById(other.id(), here.id())).isEmpty();
    }

    @Test
    void a_phone_identifies_a_client_and_an_email_only_does_when_no_phone_is_given() {
        EmailAddress email = new EmailAddress("carmen-" + ClientId.random() + "@example.com");
        PhoneNumber phone = TestData.randomPhone();
        Client byEmail = clients.addOrGetExisting(client("Carmen", Optional.empty(), Optional.of(email)));
        Client byPhone = clients.addOrGetExisting(client("Pedro", Optional.of(phone), Optional.empty()));

        assertThat(clients.findByContact(tenant.id(), Optional.of(phone), Optional.of(email)))
                .contains(byPhone);
        assertThat(clients.findByContact(tenant.id(), Optional.empty(), Optional.of(email)))
                .contains(byEmail);
        assertThat(clients.findByContact(tenant.id(), Optional.of(TestData.randomPhone()), Optional.of(email)))
                .isEmpty();
    }

    @Test
    void an_update_completes_a_client() {
        Client client =
                clients.addOrGetExisting(client("Carmen", Optional.of(TestData.randomPhone()), Optional.empty()));
        Client completed = new Client(
                client.id(),
                tenant.id(),
                "Carmen Ruiz",
                client.phone(),
                Optional.of(new EmailAddress("carmen-" + client.id() + "@example.com")),
                Optional.of(Language.EN));
        clients.update(completed);

        assertThat(clients.findById(tenant.id(), client.id())).contains(completed);
        assertThat(clients.findByIds(tenant.id(), List.of(client.id(), ClientId.random())))
                .containsExactly(completed);
        assertThat(clients.findByIds(data.tenant().id(), List.of(client.id()))).isEmpty();
    }

    private Client client(String name, Optional<PhoneNumber> phone, Optional<EmailAddress> email) {
        return new Client(ClientId.random(), tenant.id(), name, phone, email, Optional.empty());
    }

    @Test
    void a_family_sharing_an_email_is_two_clients_and_the_email_stays_with_the_first() {
        EmailAddress shared = new EmailAddress("family-" + ClientId.random() + "@example.com");
        PhoneNumber mother = TestData.randomPhone();
        PhoneNumber son = TestData.randomPhone();
        Client first = clients.addOrGetExisting(client("Carmen", Optional.of(mother), Optional.of(shared)));

        Client second = clients.addOrGetExisting(client("Pablo", Optional.of(son), Optional.of(shared)));

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.phone()).contains(son);
        assertThat(second.email()).isEmpty();
        assertThat(clients.findByContact(tenant.id(), Optional.empty(), Optional.of(shared)))
                .contains(first);
    }

    @Test
    void an_update_onto_another_clients_contact_is_refused() {
        EmailAddress taken = new EmailAddress("taken-" + ClientId.random() + "@example.com");
        clients.addOrGetExisting(client("Carmen", Optional.of(TestData.randomPhone()), Optional.of(taken)));
        Client other = clients.addOrGetExisting(client("Pedro", Optional.of(TestData.randomPhone()), Optional.empty()));

        assertThatThrownBy(() -> clients.update(new Client(
                        other.id(), tenant.id(), "Pedro", other.phone(), Optional.of(taken), Optional.empty())))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class,
                        e -> assertThat(e.key()).isEqualTo(DuplicateKeyException.Key.CLIENT_CONTACT));
        assertThat(clients.findById(tenant.id(), other.id())).contains(other);
    }

    @Test
    void clients_are_searched_by_name_or_phone_and_paged_by_name() {
        clients.addOrGetExisting(client("carmen Ruiz", Optional.of(new PhoneNumber("+34611000001")), Optional.empty()));
        clients.addOrGetExisting(client("Carmen Sol", Optional.of(new PhoneNumber("+34611000002")), Optional.empty()));
        clients.addOrGetExisting(client("Pedro", Optional.of(new PhoneNumber("+34622000003")), Optional.empty()));
        clients.addOrGetExisting(client(
                "100% Ana_",
                Optional.empty(), Optional.of(new EmailAddress("ana-" + ClientId.random() + "@example.com"))));

        assertThat(clients.search(tenant.id(), Optional.of("CARMEN"), Optional.empty(), 10))
                .extracting(Client::name)
                .containsExactly("carmen Ruiz", "Carmen Sol");
        assertThat(clients.search(tenant.id(), Optional.of("622 000"), Optional.empty(), 10))
                .extracting(Client::name)
                .containsExactly("Pedro");
        assertThat(clients.search(tenant.id(), Optional.of("%"), Optional.empty(), 10))
                .extracting(Client::name)
                .containsExactly("100% Ana_");

        List<Client> first = clients.search(tenant.id(), Optional.empty(), Optional.empty(), 2);
        Client last = first.get(1);
        List<Client> rest = clients.search(
                tenant.id(),
                Optional.empty(),
                Optional.of(new ClientRepository.NameCursor(last.name().toLowerCase(), last.id())),
                10);
        assertThat(first).extracting(Client::name).containsExactly("100% Ana_", "carmen Ruiz");
        assertThat(rest).extracting(Client::name).containsExactly("Carmen Sol", "Pedro");
        assertThat(clients.search(data.tenant().id(), Optional.empty(), Optional.empty(), 10))
                .isEmpty();
        assertThat(clients.findById(List.of(tenant.id()), last.id())).contains(last);
        assertThat(clients.findById(List.of(), last.id())).isEmpty();
    }
}
