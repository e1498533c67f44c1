using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Course.Worker;

/// <summary>
/// The channel's inherited pipe descriptors: opened as streams and marked close-on-exec, so that no
/// process started from the worker inherits them (it could otherwise read a request frame, with its
/// nonce, or write into the channel).
/// </summary>
internal static class ChannelDescriptors
{
    private const int SetDescriptorFlags = 2; // F_SETFD
    private const int CloseOnExec = 1; // FD_CLOEXEC

    public static Stream Open(int descriptor, FileAccess access)
    {
        if (Fcntl(descriptor, SetDescriptorFlags, CloseOnExec) != 0)
        {
            throw new IOException($"descriptor {descriptor} is not open: start the worker with `course grade`");
        }

        return new FileStream(new SafeFileHandle(descriptor, ownsHandle: true), access, bufferSize: 0);
    }

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(int descriptor, int command, int argument);
}
