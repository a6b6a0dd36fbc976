/*
 * Test support only, never shipped: a stand-in for Windows' bcryptprimitives.dll for Wine
 * releases older than 9, which lack it. Rust's standard library takes its random numbers (the
 * seeds of HashMap, among others) from ProcessPrng in that DLL and will not start without it.
 * Placed where the Windows test programs look for DLLs, this one answers ProcessPrng from
 * RtlGenRandom (SystemFunction036 in advapi32), which Wine has long had.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    /* RtlGenRandom takes a 32-bit length: fill larger buffers a piece at a time. */
    while (length > 0) {
        ULONG piece = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, piece))
            return FALSE;
        data += piece;
        length -= piece;
    }
    return TRUE;
}
