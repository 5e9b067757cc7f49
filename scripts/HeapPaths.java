import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Why is a class still loaded? Reads an HPROF heap dump (jcmd PID GC.heap_dump) and prints, for every loaded copy of
 * the named class, the shortest chain of strong references from a GC root to it (weak and soft references' referents
 * are not followed). Each hop names the holder's class and the field or array slot. No heap analyser needed:
 *
 *   java -Xmx4g scripts/HeapPaths.java dump.hprof io.cxtracker.ui.AppShell
 *
 * With a third argument "soft", the referents of SoftReferences are followed too (the hop reads "referent (soft)"):
 * a System.gc() full GC does not clear soft references that were used recently (G1 keeps them for
 * -XX:SoftRefLRUPolicyMSPerMB, default 1000 ms, per free MiB of heap: minutes with a 1 GiB heap), so a copy that is
 * "unreachable" without it but reachable with it is held by a cache's soft reference only, and goes once the heap or
 * metaspace runs short.
 *
 * A chain that ends in a server thread, a server module's static field or a JDK cache is what keeps an undeployed
 * WAR's class loader, and with it every class and static of the deployment, alive.
 */
public class HeapPaths {
    private static ByteBuffer[] chunks;
    private static final long CHUNK = 1L << 30;
    private static int idSize;

    private static final Map<Long, String> strings = new HashMap<>();
    private static final Map<Long, String> classNames = new HashMap<>(); // class object id -> name
    private static final Map<Long, long[]> classInfo = new HashMap<>(); // id -> {super, loader}
    private static final Map<Long, List<Object[]>> instanceFields = new HashMap<>(); // class -> [name, type]
    private static final Map<Long, List<Object[]>> staticRefs = new HashMap<>(); // class -> [name, id]
    private static final Map<Long, Long> objects = new HashMap<>(); // instance/array id -> offset of its record
    private static final Map<Long, String> roots = new HashMap<>();
    private static final Map<Integer, Long> threads = new HashMap<>(); // thread serial -> thread object

    public static void main(String[] args) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(args[0], "r"); FileChannel channel = file.getChannel()) {
            long size = channel.size();
            chunks = new ByteBuffer[(int) ((size + CHUNK - 1) / CHUNK)];
            for (int i = 0; i < chunks.length; i++) {
                long start = i * CHUNK;
                // each chunk overlaps the next by 64 KiB so that a small read never straddles two
                chunks[i] = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(CHUNK + 65536, size - start));
            }
            long pos = 0;
            while (u1(pos) != 0) {
                pos++;
            }
            pos++;
            idSize = u4(pos);
            pos += 12;
            while (pos < size) {
                int tag = u1(pos);
                long length = u4(pos + 5) & 0xFFFFFFFFL;
                long body = pos + 9;
                if (tag == 0x01) {
                    byte[] bytes = new byte[(int) (length - idSize)];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = (byte) u1(body + idSize + i);
                    }
                    strings.put(id(body), new String(bytes, StandardCharsets.UTF_8));
                } else if (tag == 0x02) {
                    classNames.put(id(body + 4), strings.getOrDefault(id(body + 8 + idSize), "?").replace('/', '.'));
                } else if (tag == 0x0C || tag == 0x1C) {
                    heap(body, body + length);
                }
                pos = body + length;
            }
        }
        String wanted = args[1];
        followSoft = args.length > 2 && args[2].equals("soft");
        List<Long> targets = new ArrayList<>();
        classNames.forEach((id, name) -> {
            if (name.equals(wanted)) {
                targets.add(id);
            }
        });
        System.out.println(targets.size() + " loaded copies of " + wanted);
        threads.forEach((serial, thread) -> System.out.println("thread #" + serial + " = " + describe(thread)));
        Map<Long, long[]> parent = new HashMap<>(); // id -> {parent id}
        Map<Long, String> edge = new HashMap<>();
        ArrayDeque<Long> queue = new ArrayDeque<>();
        for (Long root : roots.keySet()) {
            parent.put(root, new long[] {0});
            queue.add(root);
        }
        int found = 0;
        while (!queue.isEmpty() && found < targets.size()) {
            long at = queue.poll();
            if (targets.contains(at)) {
                found++;
            }
            for (Object[] ref : references(at)) {
                long to = (Long) ref[1];
                if (to != 0 && !parent.containsKey(to) && (objects.containsKey(to) || classInfo.containsKey(to))) {
                    parent.put(to, new long[] {at});
                    edge.put(to, (String) ref[0]);
                    queue.add(to);
                }
            }
        }
        for (Long target : targets) {
            System.out.println();
            System.out.println("== copy " + Long.toHexString(target) + " (loader " + Long.toHexString(classInfo.get(target)[1]) + ")");
            if (!parent.containsKey(target)) {
                System.out.println("   unreachable from the roots (collectable)");
                continue;
            }
            List<String> chain = new ArrayList<>();
            for (long at = target; at != 0; at = parent.get(at)[0]) {
                String hop = describe(at);
                if (edge.containsKey(at)) {
                    hop = "." + edge.get(at) + " -> " + hop;
                } else {
                    hop = "ROOT " + roots.get(at) + ": " + hop;
                }
                chain.add(0, hop);
            }
            chain.forEach(hop -> System.out.println("   " + hop));
        }
    }

    private static String describe(long id) {
        if (classInfo.containsKey(id)) {
            return "class " + classNames.getOrDefault(id, "?");
        }
        long offset = objects.get(id);
        int sub = u1(offset);
        long classId = sub == 0x21 ? id(offset + 1 + idSize + 4) : id(offset + 1 + idSize + 8);
        String name = classNames.getOrDefault(classId, "?");
        if (name.equals("java.lang.Thread") || name.endsWith("Thread") || name.contains("Thread")) {
            String threadName = string(field(id, "name"));
            if (threadName != null) {
                return name + " \"" + threadName + "\"";
            }
        }
        return name;
    }

    /** Outgoing strong references of an object or class, as [label, id]. */
    private static List<Object[]> references(long id) {
        List<Object[]> out = new ArrayList<>();
        long[] info = classInfo.get(id);
        if (info != null) {
            out.add(new Object[] {"<super>", info[0]});
            out.add(new Object[] {"<loader>", info[1]});
            out.addAll(staticRefs.getOrDefault(id, List.of()));
            return out;
        }
        Long offset = objects.get(id);
        if (offset == null) {
            return out;
        }
        int sub = u1(offset);
        if (sub == 0x21) {
            long classId = id(offset + 1 + idSize + 4);
            out.add(new Object[] {"<class>", classId});
            long p = offset + 1 + idSize + 4 + idSize + 4;
            boolean soft = followSoft && isSoft(classId);
            for (long c = classId; c != 0 && classInfo.containsKey(c); c = classInfo.get(c)[0]) {
                boolean reference = isReference(c);
                for (Object[] f : instanceFields.getOrDefault(c, List.of())) {
                    int type = (Integer) f[1];
                    if (type == 2) {
                        if (!(reference && f[0].equals("referent"))) {
                            out.add(new Object[] {f[0], id(p)});
                        } else if (soft) {
                            out.add(new Object[] {"referent (soft)", id(p)});
                        }
                    }
                    p += typeSize(type);
                }
            }
        } else if (sub == 0x22) {
            int count = u4(offset + 1 + idSize + 4);
            out.add(new Object[] {"<class>", id(offset + 1 + idSize + 8)});
            long p = offset + 1 + idSize + 8 + idSize;
            for (int i = 0; i < count; i++) {
                out.add(new Object[] {"[" + i + "]", id(p + (long) i * idSize)});
            }
        }
        return out;
    }

    private static final Map<Long, Boolean> referenceClasses = new HashMap<>();
    private static final Map<Long, Boolean> softClasses = new HashMap<>();
    private static boolean followSoft;

    private static boolean isSoft(long classId) {
        return softClasses.computeIfAbsent(classId, c -> {
            for (long k = c; k != 0 && classInfo.containsKey(k); k = classInfo.get(k)[0]) {
                if ("java.lang.ref.SoftReference".equals(classNames.get(k))) {
                    return true;
                }
            }
            return false;
        });
    }

    private static boolean isReference(long classId) {
        return referenceClasses.computeIfAbsent(classId, c -> {
            for (long k = c; k != 0 && classInfo.containsKey(k); k = classInfo.get(k)[0]) {
                if ("java.lang.ref.Reference".equals(classNames.get(k))) {
                    return true;
                }
            }
            return false;
        });
    }

    private static long field(long id, String wanted) {
        Long offset = objects.get(id);
        if (offset == null || u1(offset) != 0x21) {
            return 0;
        }
        long classId = id(offset + 1 + idSize + 4);
        long p = offset + 1 + idSize + 4 + idSize + 4;
        for (long c = classId; c != 0 && classInfo.containsKey(c); c = classInfo.get(c)[0]) {
            for (Object[] f : instanceFields.getOrDefault(c, List.of())) {
                int type = (Integer) f[1];
                if (type == 2 && f[0].equals(wanted)) {
                    return id(p);
                }
                p += typeSize(type);
            }
        }
        return 0;
    }

    private static String string(long id) {
        long value = field(id, "value");
        Long offset = value == 0 ? null : objects.get(value);
        if (offset == null || u1(offset) != 0x23) {
            return null;
        }
        int count = u4(offset + 1 + idSize + 4);
        byte[] bytes = new byte[Math.min(count, 200)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) u1(offset + 1 + idSize + 9 + i);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static void heap(long pos, long end) {
        while (pos < end) {
            int sub = u1(pos);
            long p = pos + 1;
            switch (sub) {
                case 0xFF -> { roots.putIfAbsent(id(p), "unknown"); p += idSize; }
                case 0x01 -> { roots.putIfAbsent(id(p), "JNI global"); p += 2L * idSize; }
                case 0x02 -> { roots.putIfAbsent(id(p), "JNI local"); p += idSize + 8; }
                case 0x03 -> { roots.putIfAbsent(id(p), "Java frame of thread #" + u4(p + idSize)); p += idSize + 8; }
                case 0x04 -> { roots.putIfAbsent(id(p), "native stack"); p += idSize + 4; }
                case 0x05 -> { roots.putIfAbsent(id(p), "system class"); p += idSize; }
                case 0x06 -> { roots.putIfAbsent(id(p), "thread block"); p += idSize + 4; }
                case 0x07 -> { roots.putIfAbsent(id(p), "monitor"); p += idSize; }
                case 0x08 -> { roots.put(id(p), "thread"); threads.put(u4(p + idSize), id(p)); p += idSize + 8; }
                case 0x20 -> {
                    long classId = id(p);
                    long superId = id(p + idSize + 4);
                    long loader = id(p + 2L * idSize + 4);
                    classInfo.put(classId, new long[] {superId, loader});
                    p += 7L * idSize + 8;
                    int cp = u2(p);
                    p += 2;
                    for (int i = 0; i < cp; i++) {
                        int type = u1(p + 2);
                        p += 3 + typeSize(type);
                    }
                    int statics = u2(p);
                    p += 2;
                    List<Object[]> refs = new ArrayList<>();
                    for (int i = 0; i < statics; i++) {
                        String name = strings.getOrDefault(id(p), "?");
                        int type = u1(p + idSize);
                        if (type == 2) {
                            refs.add(new Object[] {"static " + name, id(p + idSize + 1)});
                        }
                        p += idSize + 1 + typeSize(type);
                    }
                    staticRefs.put(classId, refs);
                    int fields = u2(p);
                    p += 2;
                    List<Object[]> layout = new ArrayList<>();
                    for (int i = 0; i < fields; i++) {
                        layout.add(new Object[] {strings.getOrDefault(id(p), "?"), u1(p + idSize)});
                        p += idSize + 1;
                    }
                    instanceFields.put(classId, layout);
                }
                case 0x21 -> {
                    objects.put(id(p), pos);
                    long length = u4(p + idSize + 4 + idSize) & 0xFFFFFFFFL;
                    p += idSize + 4 + idSize + 4 + length;
                }
                case 0x22 -> {
                    objects.put(id(p), pos);
                    long count = u4(p + idSize + 4) & 0xFFFFFFFFL;
                    p += idSize + 8 + idSize + count * idSize;
                }
                case 0x23 -> {
                    objects.put(id(p), pos);
                    long count = u4(p + idSize + 4) & 0xFFFFFFFFL;
                    int type = u1(p + idSize + 8);
                    p += idSize + 9 + count * typeSize(type);
                }
                default -> throw new IllegalStateException("unknown heap record " + sub + " at " + pos);
            }
            pos = p;
        }
    }

    private static int typeSize(int type) {
        return switch (type) {
            case 2 -> idSize;
            case 4, 8 -> 1;
            case 5, 9 -> 2;
            case 6, 10 -> 4;
            case 7, 11 -> 8;
            default -> throw new IllegalStateException("type " + type);
        };
    }

    private static int u1(long pos) {
        return chunks[(int) (pos / CHUNK)].get((int) (pos % CHUNK)) & 0xFF;
    }

    private static int u2(long pos) {
        return (u1(pos) << 8) | u1(pos + 1);
    }

    private static int u4(long pos) {
        return chunks[(int) (pos / CHUNK)].getInt((int) (pos % CHUNK));
    }

    private static long id(long pos) {
        return idSize == 8 ? chunks[(int) (pos / CHUNK)].getLong((int) (pos % CHUNK)) : u4(pos) & 0xFFFFFFFFL;
    }
}
