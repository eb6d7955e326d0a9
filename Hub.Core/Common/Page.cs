namespace Hub.Core.Common;

/// <summary>One page of a list that can grow; every such list is paged.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long TotalCount)
{
    public int PageCount => TotalCount == 0 ? 1 : (int)((TotalCount + PageSize - 1) / PageSize);

    public bool HasPrevious => PageNumber > 1;

    public bool HasNext => PageNumber < PageCount;
}

public readonly record struct PageRequest
{
    public const int MaxPageSize = 200;

    /// <summary>The highest page number: its offset still fits an int (page 2147483647 overflowed to a negative offset).</summary>
    public const int MaxNumber = int.MaxValue / MaxPageSize;

    public PageRequest(int number, int size)
    {
        Number = Math.Clamp(number, 1, MaxNumber);
        Size = Math.Clamp(size, 1, MaxPageSize);
    }

    public int Number { get; }

    public int Size { get; }

    public int Offset => (Number - 1) * Size;
}
