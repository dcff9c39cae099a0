package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.OperatorsUseCase;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.PlatformRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.PlatformOperator;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessUsage;
import com.voiceappoint.domain.business.Slug;
import com.voiceappoint.domain.business.StatusChange;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

final class OperatorsInteractor implements OperatorsUseCase {
    private final TransactionRunner transactions;
    private final PlatformRepository platform;
    private final UserRepository users;
    private final BusinessRepository businesses;
    private final Clock clock;

    OperatorsInteractor(
            TransactionRunner transactions,
            PlatformRepository platform,
            UserRepository users,
            BusinessRepository businesses,
            Clock clock) {
        this.transactions = transactions;
        this.platform = platform;
        this.users = users;
        this.businesses = businesses;
        this.clock = clock;
    }

    @Override
    public Operator grant(String email) {
        User user = registered(email);
        return transactions.inTransaction(() -> {
            platform.grantOperator(user.id(), clock.instant());
            PlatformOperator granted = platform.operators().stream()
                    .filter(operator -> operator.userId().equals(user.id()))
                    .findFirst()
                    .orElseThrow();
            return new Operator(user.email(), user.fullName(), granted.since());
        });
    }

    @Override
    public boolean revoke(String email) {
        User user = registered(email);
        return transactions.inTransaction(() -> platform.revokeOperator(user.id()));
    }

    private User registered(String email) {
        EmailAddress address;
        try {
            address = new EmailAddress(email);
        } catch (InvalidValueException notAnAddress) {
            throw new NotFoundException("user");
        }
        return users.findByEmail(address).orElseThrow(() -> new NotFoundException("user"));
    }

    @Override
    public List<Operator> operators() {
        List<PlatformOperator> operators = platform.operators();
        Map<UserId, User> known =
                usersById(operators.stream().map(PlatformOperator::userId).toList());
        return operators.stream()
                .filter(operator -> known.containsKey(operator.userId()))
                .map(operator -> {
                    User user = known.get(operator.userId());
                    return new Operator(user.email(), user.fullName(), operator.since());
                })
                .toList();
    }

    @Override
    public boolean isOperator(Actor.Member member) {
        return platform.isOperator(member.userId());
    }

    @Override
    public BusinessesPage businesses(Actor.Member operator, String search, int page) {
        requireOperator(operator);
        String wanted = search == null ? "" : search.strip();
        InvalidValueException.check(page >= 1, "page", "pages are numbered from 1");
        int total = platform.countBusinesses(wanted);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        List<BusinessUsage> shown =
                page > pages ? List.of() : platform.businesses(wanted, thisMonth(), (page - 1) * PAGE_SIZE, PAGE_SIZE);
        return new BusinessesPage(shown, wanted, page, pages, total);
    }

    @Override
    public BusinessOverview business(Actor.Member operator, String slug) {
        requireOperator(operator);
        return overview(find(slug));
    }

    @Override
    public BusinessOverview suspend(Actor.Member operator, String slug, String reason) {
        return change(operator, slug, true, reason);
    }

    @Override
    public BusinessOverview reactivate(Actor.Member operator, String slug, String reason) {
        return change(operator, slug, false, reason);
    }

    private BusinessOverview change(Actor.Member operator, String slug, boolean suspended, String reason) {
        requireOperator(operator);
        Business business = find(slug);
        // checked before the transaction: a blank reason is the operator's to correct, and changes nothing
        StatusChange change = new StatusChange(business.id(), suspended, reason, operator.userId(), clock.instant());
        transactions.inTransaction(() -> platform.changeStatus(change));
        return overview(business);
    }

    private Business find(String slug) {
        Slug parsed;
        try {
            parsed = new Slug(slug);
        } catch (InvalidValueException notASlug) {
            throw new NotFoundException("business");
        }
        return businesses.findBySlug(parsed).orElseThrow(() -> new NotFoundException("business"));
    }

    private BusinessOverview overview(Business business) {
        BusinessUsage usage =
                platform.usage(business.id(), thisMonth()).orElseThrow(() -> new NotFoundException("business"));
        List<StatusChange> history = platform.statusChanges(business.id());
        Map<UserId, User> operators =
                usersById(history.stream().map(StatusChange::by).distinct().toList());
        return new BusinessOverview(
                usage,
                history.stream()
                        .map(change -> new Change(
                                change.suspended(),
                                change.reason(),
                                operators.containsKey(change.by())
                                        ? operators.get(change.by()).email().value()
                                        : "",
                                change.at()))
                        .toList());
    }

    /** Anyone else is told the operators' part of the platform is not there, as a member of another business is. */
    private void requireOperator(Actor.Member member) {
        if (!platform.isOperator(member.userId())) {
            throw new NotFoundException("operator");
        }
    }

    private Map<UserId, User> usersById(List<UserId> ids) {
        return users.findByIds(ids).stream().collect(Collectors.toMap(User::id, Function.identity()));
    }

    private TimeRange thisMonth() {
        YearMonth month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new TimeRange(
                start, month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
