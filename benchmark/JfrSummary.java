import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples went, by layer: {@code java benchmark/JfrSummary.java recording.jfr}. A sample
 * counts for every layer its stack passes through (inclusive: the layers add up to more than 100 %), and once for the
 * layer of its top frame (self: these add up to 100 %). Layers are package prefixes, first match wins, in the order
 * below. Then by the gateway's entry point: the outermost frame of the gateway's own code (com.smshub, its
 * container proxies left out) that a sample passes through, which tells acceptance from dispatch, receipts, the
 * periodic jobs and the simulators; samples with no such frame are the stack's own (the broker, the container), and
 * those whose only frames of the gateway are its servlet filters are HTTP and SOAP before an endpoint. JFR keeps a
 * stack's top frames only (run.sh asks for 256 when it profiles). {@code BENCH_PROFILE=<phase> benchmark/run.sh ...} records one phase and prints this at the
 * end.
 */
public class JfrSummary {

    static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("com.smshub.", "the gateway's own code");
        LAYERS.put("org.postgresql.", "PostgreSQL driver");
        LAYERS.put("io.agroal.", "connection pool and JCA");
        LAYERS.put("org.jboss.jca.", "connection pool and JCA");
        LAYERS.put("org.jboss.as.connector.", "connection pool and JCA");
        LAYERS.put("com.arjuna.", "transactions (Narayana, WildFly's glue)");
        LAYERS.put("org.jboss.narayana.", "transactions (Narayana, WildFly's glue)");
        LAYERS.put("org.wildfly.transaction.", "transactions (Narayana, WildFly's glue)");
        LAYERS.put("org.hibernate.", "Hibernate ORM");
        LAYERS.put("org.apache.activemq.", "JMS (Artemis)");
        LAYERS.put("io.netty.", "JMS (Artemis)");
        LAYERS.put("org.apache.cxf.", "SOAP (CXF, JBossWS)");
        LAYERS.put("org.jboss.wsf.", "SOAP (CXF, JBossWS)");
        LAYERS.put("org.jboss.ws.", "SOAP (CXF, JBossWS)");
        LAYERS.put("com.ctc.wstx.", "XML (Woodstox, the JDK's Xerces, JAXB)");
        LAYERS.put("com.sun.org.apache.", "XML (Woodstox, the JDK's Xerces, JAXB)");
        LAYERS.put("org.glassfish.jaxb.", "XML (Woodstox, the JDK's Xerces, JAXB)");
        LAYERS.put("com.sun.xml.", "XML (Woodstox, the JDK's Xerces, JAXB)");
        LAYERS.put("jakarta.xml.bind.", "XML (Woodstox, the JDK's Xerces, JAXB)");
        LAYERS.put("javax.xml.", "XML (Woodstox, the JDK's Xerces, JAXB)");
        LAYERS.put("org.xml.sax.", "XML (Woodstox, the JDK's Xerces, JAXB)");
        LAYERS.put("io.undertow.", "HTTP (Undertow)");
        LAYERS.put("org.xnio.", "HTTP (Undertow)");
        LAYERS.put("jakarta.servlet.", "HTTP (Undertow)");
        LAYERS.put("org.jsmpp.", "SMPP (jSMPP)");
        LAYERS.put("org.jboss.as.ejb3.", "EJB container");
        LAYERS.put("org.jboss.invocation.", "EJB container");
        LAYERS.put("org.jboss.weld.", "CDI (Weld)");
        LAYERS.put("org.wildfly.security.", "security (Elytron)");
        LAYERS.put("org.wildfly.elytron.", "security (Elytron)");
        LAYERS.put("io.smallrye.", "metrics and SmallRye");
        LAYERS.put("io.micrometer.", "metrics and SmallRye");
        LAYERS.put("org.jboss.logmanager.", "logging");
        LAYERS.put("org.jboss.logging.", "logging");
        LAYERS.put("org.jboss.threads.", "thread hand-offs (pools, queues, locks)");
        LAYERS.put("java.util.concurrent.", "thread hand-offs (pools, queues, locks)");
        LAYERS.put("org.jboss.as.", "WildFly's integration (naming, deployment, web, EE)");
        LAYERS.put("org.wildfly.extension.", "WildFly's integration (naming, deployment, web, EE)");
        LAYERS.put("org.jboss.", "WildFly's integration (naming, deployment, web, EE)");
        LAYERS.put("sun.nio.", "sockets and NIO");
        LAYERS.put("java.net.", "sockets and NIO");
        LAYERS.put("java.nio.", "sockets and NIO");
        LAYERS.put("sun.security.", "JDK crypto and security");
        LAYERS.put("javax.crypto.", "JDK crypto and security");
        LAYERS.put("com.sun.crypto.", "JDK crypto and security");
        LAYERS.put("java.security.", "JDK crypto and security");
        LAYERS.put("java.lang.", "JDK: java.lang (strings, reflection, invocation)");
        LAYERS.put("java.util.", "JDK: java.util (collections, regex, formats)");
        LAYERS.put("java.", "JDK, other");
        LAYERS.put("jdk.", "JDK, other");
        LAYERS.put("sun.", "JDK, other");
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> entries = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<String> seen = new ArrayList<>();
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            String entry = "(none: the stack's own)";
            for (int i = 0; i < frames.size(); i++) {
                String type = frames.get(i).getMethod().getType().getName();
                if (type.startsWith("com.smshub.") && !type.contains("$Proxy$") && !type.contains("$$")) {
                    String method = frames.get(i).getMethod().getName();
                    // the gateway's servlet filters wrap every request: what they lead to is the entry point
                    entry = method.equals("doFilter") ? (entry.startsWith("(") ? "(HTTP, in the gateway's filters)" : entry)
                            : type.substring(type.lastIndexOf('.') + 1) + "." + method;
                }
                String layer = layer(type);
                if (i == 0) {
                    self.merge(layer, 1, Integer::sum);
                }
                if (!seen.contains(layer)) {
                    seen.add(layer);
                    inclusive.merge(layer, 1, Integer::sum);
                }
            }
            entries.merge(entry, 1, Integer::sum);
        }
        System.out.printf("%d CPU samples%n%-42s %9s %6s%n", samples, "layer", "inclusive", "self");
        int total = samples;
        inclusive.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("%-42s %8.1f%% %5.1f%%%n", e.getKey(), 100.0 * e.getValue() / total,
                        100.0 * self.getOrDefault(e.getKey(), 0) / total));
        System.out.printf("%-58s %6s%n", "the gateway's entry point (outermost frame of its own)", "share");
        entries.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(e -> System.out.printf("%-58s %5.1f%%%n", e.getKey(), 100.0 * e.getValue() / total));
    }

    static String layer(String type) {
        for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
            if (type.startsWith(layer.getKey())) {
                return layer.getValue();
            }
        }
        String[] parts = type.split("\\.");
        return "other (" + String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1))) + ")";
    }
}
