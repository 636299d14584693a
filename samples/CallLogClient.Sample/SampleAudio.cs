namespace CallLogClient.Sample;

/// <summary>A small WAV file to attach as a recording: half a second of a 440 Hz tone, 8 kHz, 8-bit mono.</summary>
internal static class SampleAudio
{
    public static byte[] Tone()
    {
        const int sampleRate = 8000;
        const int samples = sampleRate / 2;
        using var wav = new MemoryStream();
        using var writer = new BinaryWriter(wav);
        writer.Write("RIFF"u8);
        writer.Write(36 + samples);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(sampleRate);
        writer.Write(sampleRate);
        writer.Write((short)1);
        writer.Write((short)8);
        writer.Write("data"u8);
        writer.Write(samples);
        for (var i = 0; i < samples; i++)
        {
            writer.Write((byte)(128 + (100 * Math.Sin(2 * Math.PI * 440 * i / sampleRate))));
        }

        writer.Flush();
        return wav.ToArray();
    }
}
