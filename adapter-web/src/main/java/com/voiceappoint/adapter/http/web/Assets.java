package com.voiceappoint.adapter.http.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The web app's own stylesheet and script, served under names that carry a hash of their bytes
 * ({@code /assets/app.1a2b3c4d5e.css}) so a browser may keep them for a year and still never runs an old one; and the
 * webjars' paths, which carry their version.
 */
final class Assets {
    static final String PATH = "/assets/{file}";
    private static final List<String> OWN = List.of("app.css", "app.js", "charts.js");
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final Map<String, Asset> byServedName;
    private final Map<String, String> servedName;
    private final String htmx;
    private final String htmxSse;
    private final String chartJs;

    private Assets(Map<String, Asset> byServedName, String htmx, String htmxSse, String chartJs) {
        this.byServedName = byServedName;
        this.servedName = byServedName.values().stream()
                .collect(Collectors.toUnmodifiableMap(Asset::name, a -> "/assets/" + a.servedName()));
        this.htmx = htmx;
        this.htmxSse = htmxSse;
        this.chartJs = chartJs;
    }

    static Assets load() {
        Map<String, Asset> assets = OWN.stream()
                .map(Assets::read)
                .collect(Collectors.toUnmodifiableMap(Asset::servedName, Function.identity()));
        return new Assets(
                assets,
                "/webjars/htmx.org/" + webjarVersion("htmx.org") + "/dist/htmx.min.js",
                "/webjars/htmx-ext-sse/" + webjarVersion("htmx-ext-sse") + "/sse.js",
                "/webjars/chart.js/" + webjarVersion("chart.js") + "/dist/chart.umd.min.js");
    }

    /** The path to write in a page for one of our own files, by its plain name ({@code app.css}). */
    String url(String name) {
        String url = servedName.get(name);
        if (url == null) {
            throw new IllegalArgumentException("no asset " + name);
        }
        return url;
    }

    String htmx() {
        return htmx;
    }

    String htmxSse() {
        return htmxSse;
    }

    /** Chart.js, which only the analytics page loads. */
    String chartJs() {
        return chartJs;
    }

    void serve(Context ctx) {
        Asset asset = byServedName.get(ctx.pathParam("file"));
        if (asset == null) {
            throw PageException.notFound();
        }
        ctx.header("Cache-Control", IMMUTABLE).contentType(asset.contentType()).result(asset.bytes());
    }

    private static Asset read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream("/web/assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("web/assets/" + name + " is missing from the build");
            }
            byte[] bytes = in.readAllBytes();
            String hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 10);
            int dot = name.lastIndexOf('.');
            String extension = name.substring(dot + 1);
            String contentType = extension.equals("css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            return new Asset(name, name.substring(0, dot) + "." + hash + "." + extension, contentType, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String webjarVersion(String artifact) {
        String resource = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the " + artifact + " webjar is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Asset(String name, String servedName, String contentType, byte[] bytes) {}
}
