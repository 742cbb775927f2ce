package dev.gwemu.lambda.sandbox;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.Set;

/**
 * Rewrites a function's class file so that its calls to {@code System.getenv(String)},
 * {@code System.getenv()}, {@code System.exit(int)}, {@code Runtime.exit(int)} and
 * {@code Runtime.halt(int)} (and method references to them) go to {@link SandboxBridge}.
 *
 * <p>A direct call gets the class being rewritten pushed as one more argument, so the bridge knows
 * whose variables to answer with; the Runtime calls drop their receiver. Nothing else changes, so
 * the stack map frames stay valid. A class that calls none of them is returned as it was.
 */
public final class SystemCallRewriter {
    static final String BRIDGE = Type.getInternalName(SandboxBridge.class);
    private static final String SYSTEM = "java/lang/System";
    private static final String RUNTIME = "java/lang/Runtime";
    private static final Set<String> REWRITTEN_NAMES = Set.of("getenv", "exit", "halt");
    private static final int CONSTANT_METHODREF_TAG = 10;

    private SystemCallRewriter() {
    }

    /** @return the rewritten class file, or {@code classFile} itself when nothing needs rewriting */
    public static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        if (!referencesRewrittenMethod(reader)) {
            return classFile; // most classes: no parsing beyond the constant pool
        }
        ClassWriter writer = new ClassWriter(reader, 0); // copies untouched methods as they are
        reader.accept(new ClassRewriter(writer), 0);
        return writer.toByteArray();
    }

    /** Any call or method handle to one of the rewritten methods refers to a Methodref in the constant pool. */
    private static boolean referencesRewrittenMethod(ClassReader reader) {
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i); // 0 for the unused slot after a long or double
            if (offset == 0 || reader.readByte(offset - 1) != CONSTANT_METHODREF_TAG) {
                continue;
            }
            String owner = reader.readClass(offset, buffer);
            if (SYSTEM.equals(owner) || RUNTIME.equals(owner)) {
                int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
                if (REWRITTEN_NAMES.contains(reader.readUTF8(nameAndType, buffer))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final class ClassRewriter extends ClassVisitor {
        private String className;
        private int classVersion;

        ClassRewriter(ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            className = name;
            classVersion = version & 0xFFFF;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            return next == null ? null : new CallRewriter(next, className, classVersion);
        }
    }

    private static final class CallRewriter extends MethodVisitor {
        private final String className;
        private final int classVersion;
        private boolean pushedCaller;

        CallRewriter(MethodVisitor next, String className, int classVersion) {
            super(Opcodes.ASM9, next);
            this.className = className;
            this.classVersion = classVersion;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String call = opcode + " " + owner + "." + name + descriptor;
            switch (call) {
                case Opcodes.INVOKESTATIC + " java/lang/System.getenv(Ljava/lang/String;)Ljava/lang/String;" ->
                        callBridge("getenv", "(Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/String;");
                case Opcodes.INVOKESTATIC + " java/lang/System.getenv()Ljava/util/Map;" ->
                        callBridge("getenv", "(Ljava/lang/Class;)Ljava/util/Map;");
                case Opcodes.INVOKESTATIC + " java/lang/System.exit(I)V" -> callBridge("exit", "(ILjava/lang/Class;)V");
                case Opcodes.INVOKEVIRTUAL + " java/lang/Runtime.exit(I)V",
                        Opcodes.INVOKEVIRTUAL + " java/lang/Runtime.halt(I)V" -> {
                    super.visitInsn(Opcodes.SWAP); // [runtime, status] -> [status, runtime]
                    super.visitInsn(Opcodes.POP);
                    callBridge("exit", "(ILjava/lang/Class;)V");
                }
                default -> super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        private void callBridge(String name, String descriptor) {
            pushCaller();
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, name, descriptor, false);
        }

        private void pushCaller() {
            if (classVersion >= Opcodes.V1_5) {
                super.visitLdcInsn(Type.getObjectType(className));
            } else {
                // Class constants need class file 49; older code finds itself by name through its own loader.
                super.visitLdcInsn(className.replace('/', '.'));
                super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Class", "forName",
                        "(Ljava/lang/String;)Ljava/lang/Class;", false);
            }
            pushedCaller = true;
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] rewritten = arguments.clone();
            for (int i = 0; i < rewritten.length; i++) {
                rewritten[i] = rewriteConstant(rewritten[i]);
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, rewritten);
        }

        @Override
        public void visitLdcInsn(Object value) {
            super.visitLdcInsn(rewriteConstant(value));
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(pushedCaller ? maxStack + 1 : maxStack, maxLocals);
        }
    }

    /** A method handle to a rewritten method (a method reference such as {@code System::getenv}) points to the bridge. */
    private static Object rewriteConstant(Object constant) {
        if (!(constant instanceof Handle handle)) {
            return constant;
        }
        String target = handle.getTag() + " " + handle.getOwner() + "." + handle.getName() + handle.getDesc();
        return switch (target) {
            case Opcodes.H_INVOKESTATIC + " java/lang/System.getenv(Ljava/lang/String;)Ljava/lang/String;",
                    Opcodes.H_INVOKESTATIC + " java/lang/System.getenv()Ljava/util/Map;",
                    Opcodes.H_INVOKESTATIC + " java/lang/System.exit(I)V" ->
                    new Handle(Opcodes.H_INVOKESTATIC, BRIDGE, handle.getName(), handle.getDesc(), false);
            case Opcodes.H_INVOKEVIRTUAL + " java/lang/Runtime.exit(I)V",
                    Opcodes.H_INVOKEVIRTUAL + " java/lang/Runtime.halt(I)V" ->
                    new Handle(Opcodes.H_INVOKESTATIC, BRIDGE, "exit", "(Ljava/lang/Runtime;I)V", false);
            default -> constant;
        };
    }
}
