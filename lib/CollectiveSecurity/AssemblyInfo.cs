using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CollectiveSecurity.Tests")]
