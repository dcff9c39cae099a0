package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.CallLogUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.CallLogRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.event.BusinessEvent;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.voice.VoiceCall;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public final class CallLogInteractor implements CallLogUseCase {
    private final BusinessAccess access;
    private final TransactionRunner transactions;
    private final CallLogRepository calls;
    private final AppointmentRepository appointments;
    private final AppointmentWrites writes;
    private final AppointmentDetailsAssembler assembler;
    private final Clock clock;

    CallLogInteractor(
            BusinessAccess access,
            TransactionRunner transactions,
            CallLogRepository calls,
            AppointmentRepository appointments,
            AppointmentWrites writes,
            AppointmentDetailsAssembler assembler,
            Clock clock) {
        this.access = access;
        this.transactions = transactions;
        this.calls = calls;
        this.appointments = appointments;
        this.writes = writes;
        this.assembler = assembler;
        this.clock = clock;
    }

    @Override
    public void record(VoiceCall report) {
        Instant now = clock.instant();
        transactions.inTransaction(() -> {
            // what this report is news of depends on what the call's last report left
            calls.lockCall(report.businessId(), report.callId());
            Optional<VoiceCall> before = calls.find(report.businessId(), report.callId());
            calls.merge(report);
            VoiceCall merged = calls.find(report.businessId(), report.callId()).orElseThrow();
            if (before.isEmpty() && !merged.ended()) {
                tell(BusinessEvent.Kind.CALL_STARTED, merged);
            }
            if (merged.ended()) {
                VoiceCall ended = merged.endedNoLaterThan(now);
                calls.merge(ended);
                releaseHolds(merged, now);
                if (before.map(call -> !call.ended()).orElse(true)) {
                    tell(BusinessEvent.Kind.CALL_ENDED, ended);
                }
            }
            return null;
        });
    }

    @Override
    public void putThrough(VoiceCall call) {
        transactions.inTransaction(() -> {
            calls.lockCall(call.businessId(), call.callId());
            boolean first = calls.find(call.businessId(), call.callId()).isEmpty();
            calls.putThrough(call);
            // a call id already put through to another business stays there, and is no news here
            if (first && calls.find(call.businessId(), call.callId()).isPresent()) {
                tell(BusinessEvent.Kind.CALL_STARTED, call);
            }
            return null;
        });
    }

    private void tell(BusinessEvent.Kind kind, VoiceCall call) {
        EventJournal.of(transactions)
                .record(
                        call.businessId(),
                        kind,
                        new BusinessEvent.Client(BusinessEvent.Channel.VOICE),
                        new BusinessEvent.CallChange(call.withoutConversation()));
    }

    /** A caller who hung up without booking the time they held: it goes back to the agenda now. */
    private void releaseHolds(VoiceCall call, Instant now) {
        BusinessId business = call.businessId();
        for (AppointmentId id : calls.appointmentsOf(business, call.callId())) {
            appointments
                    .findById(List.of(business), id)
                    .filter(a -> a.status() == AppointmentStatus.HELD)
                    .ifPresent(held -> release(held, now));
        }
    }

    /** A hold confirmed or expired at the same moment is no longer the call's to release, and loses no report. */
    private void release(Appointment held, Instant now) {
        try {
            writes.update(held, held.expire(now), new BusinessEvent.Engine());
        } catch (DomainException changed) {
            if (changed.code() != ErrorCode.CONCURRENT_UPDATE) {
                throw changed;
            }
        }
    }

    @Override
    public Page<VoiceCall> calls(Actor actor, BusinessId businessId, Page.Request page) {
        access.require(actor, businessId, Permission.VIEW_BUSINESS);
        return Paging.page(
                calls.list(businessId, page.after().map(CallLogInteractor::decode), Paging.rowsToFetch(page)),
                page,
                call -> call.firstSeenAt() + "|" + call.callId());
    }

    @Override
    public CallRecord transcript(Actor actor, String callId) {
        Collection<BusinessId> scope = actor instanceof Actor.Member member ? access.visibleTo(member) : List.of();
        VoiceCall call = calls.find(scope, callId).orElseThrow(() -> new NotFoundException("call"));
        access.require(actor, call.businessId(), Permission.MANAGE_CLIENTS);
        List<Appointment> made = calls.appointmentsOf(call.businessId(), callId).stream()
                .map(id -> appointments.findById(List.of(call.businessId()), id))
                .flatMap(Optional::stream)
                .toList();
        return new CallRecord(call, assembler.details(call.businessId(), made));
    }

    private static CallLogRepository.CallCursor decode(String cursor) {
        return Paging.cursor(cursor, parts -> new CallLogRepository.CallCursor(Instant.parse(parts[0]), parts[1]));
    }
}
