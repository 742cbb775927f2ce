package dev.gwemu.lambda.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.gwemu.lambda.sandbox.FunctionLoaders.classFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bytecode rewriting itself: what is replaced, and that nothing else is touched. */
class SystemCallRewriterTest {

    @Test
    void classesThatCallNoneOfThemAreReturnedAsTheyWere() throws Exception {
        for (String handler : List.of("StringHandler", "RawJson", "ScriptedResponseHandler", "ContextHandler")) {
            byte[] original = classFile(handler);

            assertSame(original, SystemCallRewriter.rewrite(original), handler);
        }
    }

    @Test
    void everyCallAndMethodReferenceGoesToTheBridge() throws Exception {
        for (String handler : List.of("EnvHandler", "EnvHandler$Library", "ExitHandler")) {
            byte[] original = classFile(handler);
            byte[] rewritten = SystemCallRewriter.rewrite(original);

            assertNotSame(original, rewritten, handler);
            List<String> before = systemCalls(original);
            List<String> after = systemCalls(rewritten);
            assertFalse(before.isEmpty(), handler + " should call System.getenv or exit");
            assertTrue(after.isEmpty(), handler + " still calls " + after);
            assertTrue(bridgeCalls(rewritten) >= before.size(), handler);
        }
    }

    @Test
    void classFilesOlderThanJava5FindTheirCallerByName(@TempDir Path classes) throws Exception {
        // Class constants (ldc Type) need class file 49; an older class must still find its own loader.
        Files.createDirectories(classes.resolve("old"));
        Files.write(classes.resolve("old/Java4.class"), java4ClassReadingAVariable());

        try (URLClassLoader loader = FunctionLoaders.open(classes, Map.of("OLD", "still works"))) {
            Object value = loader.loadClass("old.Java4").getMethod("read", String.class).invoke(null, "OLD");

            assertEquals("still works", value);
            assertEquals(classes.toUri().toURL(),
                    loader.loadClass("old.Java4").getProtectionDomain().getCodeSource().getLocation());
        }
    }

    /** Calls to or method handles of System.getenv/exit, Runtime.exit/halt left in a class file. */
    private static List<String> systemCalls(byte[] classFile) {
        List<String> found = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        note(owner, method, found);
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... args) {
                        for (Object arg : args) {
                            if (arg instanceof Handle handle) {
                                note(handle.getOwner(), handle.getName(), found);
                            }
                        }
                    }
                };
            }
        }, 0);
        return found;
    }

    private static void note(String owner, String method, List<String> found) {
        if ((owner.equals("java/lang/System") && (method.equals("getenv") || method.equals("exit")))
                || (owner.equals("java/lang/Runtime") && (method.equals("exit") || method.equals("halt")))) {
            found.add(owner + "." + method);
        }
    }

    private static int bridgeCalls(byte[] classFile) {
        int[] count = {0};
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        count[0] += owner.equals(SystemCallRewriter.BRIDGE) ? 1 : 0;
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... args) {
                        for (Object arg : args) {
                            count[0] += arg instanceof Handle h && h.getOwner().equals(SystemCallRewriter.BRIDGE) ? 1 : 0;
                        }
                    }
                };
            }
        }, 0);
        return count[0];
    }

    /** {@code public class old.Java4 { public static String read(String n) { return System.getenv(n); } }}, class file 48. */
    private static byte[] java4ClassReadingAVariable() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V1_4, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "old/Java4", null, "java/lang/Object", null);
        MethodVisitor read = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "read",
                "(Ljava/lang/String;)Ljava/lang/String;", null, null);
        read.visitCode();
        read.visitVarInsn(Opcodes.ALOAD, 0);
        read.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "getenv",
                "(Ljava/lang/String;)Ljava/lang/String;", false);
        read.visitInsn(Opcodes.ARETURN);
        read.visitMaxs(0, 0);
        read.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
