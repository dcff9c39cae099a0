package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.SessionUseCase;
import com.voiceappoint.domain.shared.Language;
import gg.jte.Content;
import gg.jte.support.LocalizationSupport;
import java.util.Optional;

/**
 * One request as every template sees it: the language of the page and its words, this browser's CSRF token, who is
 * signed in, and where the assets are. Templates take it as their first parameter, {@code v}.
 *
 * @param path the page's own path (and query, on a GET), for the link that shows it in the other language
 */
public record Visit(
        Texts texts, String csrfToken, Optional<SessionUseCase.Resumed> signedIn, Assets assets, String path)
        implements LocalizationSupport {

    @Override
    public String lookup(String key) {
        return texts.lookup(key);
    }

    /** A word of the page, its {0}-style arguments escaped. */
    public Content t(String key, Object... arguments) {
        return localize(key, arguments);
    }

    /** A word outside markup: an attribute's value, a title. */
    public String plain(String key, Object... arguments) {
        return texts.plain(key, arguments);
    }

    public Language language() {
        return texts.language();
    }

    public String lang() {
        return texts.language().code();
    }

    /** The language the switch offers: the one this page is not in. */
    public Language otherLanguage() {
        return texts.language() == Language.ES ? Language.EN : Language.ES;
    }

    public String inOtherLanguage() {
        return path + (path.contains("?") ? "&" : "?") + "lang="
                + otherLanguage().code();
    }

    public String asset(String name) {
        return assets.url(name);
    }

    public String htmx() {
        return assets.htmx();
    }

    public String htmxSse() {
        return assets.htmxSse();
    }

    /** What htmx sends with every request it makes, so its writes pass the CSRF check. */
    public String htmxHeaders() {
        return "{\"" + Csrf.HEADER + "\": \"" + csrfToken + "\"}";
    }

    public String csrfField() {
        return Csrf.FIELD;
    }

    public Optional<String> userName() {
        return signedIn.map(resumed -> resumed.user().fullName()).filter(name -> name != null && !name.isBlank());
    }
}
