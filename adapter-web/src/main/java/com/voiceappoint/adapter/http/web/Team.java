package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.MembersUseCase;
import com.voiceappoint.domain.business.Invitation;
import com.voiceappoint.domain.business.Role;
import java.util.List;

/**
 * The team as the members page shows it to one member: who is in it and what that member may do to each, who has
 * been invited (for those who invite), and the roles they may give.
 */
public record Team(List<Row> rows, List<Waiting> waiting, List<Role> assignable) {
    public Team {
        rows = List.copyOf(rows);
        waiting = List.copyOf(waiting);
        assignable = List.copyOf(assignable);
    }

    /** A member, with whether it is the one looking, and whether they may change or remove them. */
    public record Row(MembersUseCase.Member member, boolean self, boolean manageable) {}

    /** An invitation waiting for an answer, with the day it lapses in the business's zone and the page's language. */
    public record Waiting(Invitation invitation, String expires) {}
}
