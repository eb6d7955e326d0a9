using AutoMapper;
using Hub.Core.Catalog;
using Hub.Core.Common;
using Hub.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Catalog;

/// <summary>The OZG catalogue over JSON; public like the catalogue pages.</summary>
[Route("api/v1/catalog")]
[AllowAnonymous]
public sealed class CatalogApiController(ICatalogStore catalog, IMapper mapper) : ApiControllerBase
{
    [HttpGet("services")]
    [ProducesResponseType<PageDto<CatalogServiceDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Services(string? q, int? themenfeld, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var v = new FieldValidator().MaxLength("q", q, 200).Range("themenfeld", themenfeld, 1, 999).Paging(page, pageSize);
        if (v.HasErrors)
            return Problem(v.ToError());
        var result = await catalog.SearchAsync(new CatalogQuery(q, themenfeld), new PageRequest(page, pageSize), ct);
        return Ok(PageDto.From<CatalogService, CatalogServiceDto>(mapper, result));
    }

    [HttpGet("services/{ozgId}")]
    [ProducesResponseType<CatalogServiceDetailsDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Service(string ozgId, CancellationToken ct) =>
        ozgId.Length == 5 && ozgId.All(char.IsAsciiDigit) && await catalog.GetAsync(ozgId, ct) is { } details
            ? Ok(mapper.Map<CatalogServiceDetailsDto>(details))
            : Problem(Hub.Core.Common.NotFound.Instance);

    [HttpGet("themenfelder")]
    [ProducesResponseType<List<Themenfeld>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Themenfelder(CancellationToken ct) => Ok(await catalog.ListThemenfelderAsync(ct));
}
