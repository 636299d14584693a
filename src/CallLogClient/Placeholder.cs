namespace CallLogClient; internal static class Placeholder { }
