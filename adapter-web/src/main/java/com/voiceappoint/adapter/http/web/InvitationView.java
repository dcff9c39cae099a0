package com.voiceappoint.adapter.http.web;

/**
 * One invitation waiting for the signed-in user, as the invitations page lists it.
 *
 * @param role the role's code, worded by the page
 * @param expires the last day it can be answered, written for the page's language in the business's zone
 */
public record InvitationView(String id, String businessName, String role, String expires) {}
